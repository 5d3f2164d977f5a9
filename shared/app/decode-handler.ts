import type { DecodeView } from '../contract/index.js';
import { toErrorInfo } from '../errors.js';
import { certificateCandidates } from '../profiles/certificate-candidates.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import { decodeToken, type CertificateCandidate, type DecodedToken } from '../token/index.js';

export interface DecodeInput {
  token: string;
  channel?: string | undefined;
  uid?: string | undefined;
}

/**
 * Decodes a token and verifies it with the certificate of the saved profile whose App ID
 * it carries: the user never has to say which profile a pasted token belongs to.
 */
export async function decodeWithProfiles(profiles: ProfileStore, input: DecodeInput): Promise<DecodeView> {
  // Reading needs no certificate, and tells which profile could check the signature.
  const unchecked = decodeToken(input.token);
  const profile = await profiles.findByAppId(unchecked.appId);
  if (profile === undefined || profile === null) {
    return {
      decoded: unchecked,
      profile: null,
      signatureReason: `No saved profile has App ID ${unchecked.appId}, so the signature was not checked; add a profile with this App ID to verify it.`,
    };
  }
  const ref = { id: profile.id, name: profile.name };
  if (unchecked.version === '006' && (input.channel === undefined || input.uid === undefined)) {
    return {
      decoded: unchecked,
      profile: ref,
      signatureReason: `A 006 token also signs its channel and uid, so the signature was not checked: give both to verify it against profile "${ref.name}".`,
    };
  }
  let certificates: CertificateCandidate[];
  try {
    certificates = (await certificateCandidates(profiles, profile.id)).certificates;
  } catch (error) {
    return {
      decoded: unchecked,
      profile: ref,
      signatureReason: `Profile "${ref.name}" has this App ID, but its App Certificate could not be read, so the signature was not checked: ${toErrorInfo(error).message}`,
    };
  }
  const decoded = decodeToken(input.token, { certificates, channel: input.channel, uid: input.uid });
  return { decoded, profile: ref, signatureReason: explainVerdict(decoded, ref.name, input) };
}

function explainVerdict(decoded: DecodedToken, profileName: string, input: DecodeInput): string {
  const signedFor = decoded.version === '006' ? ` for channel "${input.channel}" and uid ${input.uid}` : '';
  if (decoded.signature === 'valid') {
    const which = decoded.signedBy === 'secondary' ? 'secondary App Certificate' : 'App Certificate';
    return `Signed with the ${which} of profile "${profileName}"${signedFor}.`;
  }
  if (decoded.version === '006') {
    return `Does not match profile "${profileName}"${signedFor}: the channel or uid differ from the ones it was made for, it was signed with a different App Certificate, or it was altered.`;
  }
  return `Not signed with the App Certificate of profile "${profileName}": it was signed with a different certificate, or altered after signing.`;
}

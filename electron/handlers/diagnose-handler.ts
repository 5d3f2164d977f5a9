import type { DiagnoseRequest, DiagnosisJson } from '../../shared/contract/index.js';
import { diagnoseToken } from '../../shared/doctor/diagnose.js';
import type { ProfileStore } from '../../shared/profiles/profile-store.js';
import { decodeToken } from '../../shared/token/decode.js';
import type { CertificateCandidate } from '../../shared/token/types.js';

/** ProfileStore.certificates (primary and secondary) where the store has it; credentials() otherwise. */
type WithCertificates = ProfileStore & {
  certificates?: (id: string) => Promise<{ appId: string; primary: string; secondary?: string | undefined }>;
};

async function certificatesOf(profiles: WithCertificates, id: string): Promise<CertificateCandidate[]> {
  if (typeof profiles.certificates === 'function') {
    const { primary, secondary } = await profiles.certificates(id);
    const candidates = [{ label: 'primary', value: primary }];
    if (secondary !== undefined) candidates.push({ label: 'secondary', value: secondary });
    return candidates;
  }
  const { appCertificate } = await profiles.credentials(id);
  return [{ label: 'primary', value: appCertificate }];
}

/** The saved profile that could have signed the token: the one asked for, else the one with its App ID. */
async function profileFor(profiles: ProfileStore, request: DiagnoseRequest): Promise<string | undefined> {
  if (request.profileId !== undefined) return request.profileId;
  let appId: string;
  try {
    appId = decodeToken(request.token).appId;
  } catch {
    return undefined; // unreadable: the doctor reports it as malformed, no certificate needed
  }
  return (await profiles.findByAppId(appId))?.id;
}

/**
 * The doctor behind the Decode screen's "Check against my app" panel: like token:decode,
 * the user never says which profile a token belongs to; the certificates stay in main.
 */
export async function diagnoseWithProfiles(profiles: ProfileStore, request: DiagnoseRequest): Promise<DiagnosisJson> {
  const id = await profileFor(profiles, request);
  const certificates = id === undefined ? [] : await certificatesOf(profiles, id);
  return diagnoseToken(request.token, request.context ?? {}, { certificates });
}

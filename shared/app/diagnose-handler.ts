import type { DiagnoseRequest, DiagnosisJson } from '../contract/index.js';
import { diagnoseToken } from '../doctor/diagnose.js';
import { certificateCandidates } from '../profiles/certificate-candidates.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import { decodeToken } from '../token/decode.js';

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
  const certificates = id === undefined ? [] : (await certificateCandidates(profiles, id)).certificates;
  return diagnoseToken(request.token, request.context ?? {}, { certificates });
}

import type { CertificateCandidate } from '../token/types.js';
import type { ProfileStore } from './profile-store.js';

/**
 * The certificates to verify a token with for one profile: the primary, then the secondary
 * when one is saved (a project mid-rotation signs with either), named so decode and the
 * doctor can say which one signed.
 */
export async function certificateCandidates(
  store: ProfileStore,
  id: string,
): Promise<{ appId: string; certificates: CertificateCandidate[] }> {
  const { appId, primary, secondary } = await store.certificates(id);
  const certificates: CertificateCandidate[] = [{ label: 'primary', value: primary }];
  if (secondary !== undefined) certificates.push({ label: 'secondary', value: secondary });
  return { appId, certificates };
}

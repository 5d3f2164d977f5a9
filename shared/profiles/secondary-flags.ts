import type { Metadata } from './metadata-file.js';

/**
 * The secondary-certificate flag kept per profile in profiles.json, so listing profiles reads
 * it from the file instead of asking the keychain for every profile.
 */

/** The metadata with one profile's flag set. */
export function withSecondaryFlag(metadata: Metadata, profileId: string, hasSecondaryCertificate: boolean): Metadata {
  return {
    ...metadata,
    profiles: metadata.profiles.map((p) => (p.id === profileId ? { ...p, hasSecondaryCertificate } : p)),
  };
}

/** True for a file written before the flag existed (some profile has none). */
export function lacksSecondaryFlags(metadata: Metadata): boolean {
  return metadata.profiles.some((p) => p.hasSecondaryCertificate === undefined);
}

/** Fills in missing flags from one keychain search (ids that have a secondary entry); set flags stay. */
export function fillSecondaryFlags(metadata: Metadata, withSecondary: ReadonlySet<string>): Metadata {
  return {
    ...metadata,
    profiles: metadata.profiles.map((p) =>
      p.hasSecondaryCertificate === undefined ? { ...p, hasSecondaryCertificate: withSecondary.has(p.id) } : p,
    ),
  };
}

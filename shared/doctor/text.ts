/** Small text helpers for messages that name values exactly. Browser-safe. */
import { MAX_UINT32 } from '../contract/text-rules.js';

const utf8 = new TextEncoder();

export function byteLength(value: string): number {
  return utf8.encode(value).length;
}

/** "61 62 20" — the UTF-8 bytes, so invisible differences (spaces, look-alike letters) show. */
export function hexBytes(value: string, max = 64): string {
  const bytes = [...utf8.encode(value)];
  const shown = bytes
    .slice(0, max)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join(' ');
  return bytes.length > max ? `${shown} … (${bytes.length} bytes)` : shown;
}

export const quoted = (value: string): string => JSON.stringify(value);

/** A uid as the token encodes it: unsigned, in decimal without leading zeros. */
export const CANONICAL_UID = /^(0|[1-9]\d{0,9})$/;

export function isCanonicalUid(value: string): boolean {
  return CANONICAL_UID.test(value) && Number(value) <= MAX_UINT32;
}

/** Why two names differ although they look alike, or undefined. */
export function lookAlikeReason(a: string, b: string): string | undefined {
  if (a.trim() === b.trim()) return 'they differ only in leading or trailing whitespace';
  if (a.toLowerCase() === b.toLowerCase()) return 'they differ only in letter case (names are case-sensitive)';
  if (a.normalize('NFC') === b.normalize('NFC'))
    return 'they are the same text in different Unicode normal forms (NFC vs NFD): compare the bytes';
  if (a.normalize('NFKC') === b.normalize('NFKC'))
    return 'they differ only in Unicode compatibility characters (e.g. full-width letters): compare the bytes';
  return undefined;
}

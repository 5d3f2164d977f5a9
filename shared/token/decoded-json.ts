import type { DecodedToken, DecodedToken006, DecodedToken007 } from './types.js';

/** A 006 token as shown to users: its `ts` only as messageTimestamp, never as an issue time. */
export type DecodedToken006Json = Omit<DecodedToken006, 'issuedAt'>;
export type DecodedTokenJson = DecodedToken007 | DecodedToken006Json;

/** The decoded token as the CLI's --json and the diagnosis print it (DESIGN.md §2). Browser-safe. */
export function decodedJson(decoded: DecodedToken): DecodedTokenJson {
  if (decoded.version === '007') return decoded;
  const { issuedAt: _deprecated, ...rest } = decoded;
  return rest;
}

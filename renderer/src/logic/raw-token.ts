/**
 * The raw view: the token's text cut into its parts (version, App ID, payload) and the
 * decoded structure as the CLI's --json prints it.
 */
import { decodedJson } from '../../../shared/token/decoded-json.js';
import type { DecodedToken } from '../../../shared/token/types.js';

export interface TokenPart {
  name: 'Version' | 'App ID' | 'Payload';
  text: string;
  note: string;
}

export function tokenParts(token: string, decoded: DecodedToken): TokenPart[] {
  const version: TokenPart = { name: 'Version', text: token.slice(0, 3), note: 'the token format' };
  if (decoded.version === '006') {
    return [
      version,
      { name: 'App ID', text: token.slice(3, 35), note: 'in clear text' },
      {
        name: 'Payload',
        text: token.slice(35),
        note: 'base64: signature, channel and uid CRCs, timestamp, salt, privileges',
      },
    ];
  }
  return [
    version,
    { name: 'App ID', text: decoded.appId, note: 'read from inside the compressed payload' },
    {
      name: 'Payload',
      text: token.slice(3),
      note: 'base64 of compressed bytes: signature, App ID, issue time, expiry, salt, services',
    },
  ];
}

export function rawJson(decoded: DecodedToken): string {
  return JSON.stringify(decodedJson(decoded), null, 2);
}

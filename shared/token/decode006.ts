import { AccessToken } from 'agora-token/src/AccessToken.js';
import { TokenDeskError } from '../errors.js';
import { PRIVILEGE_NAMES_006, namePrivileges } from './names.js';
import type { DecodeOptions } from './decode.js';
import type { DecodedToken006, SignatureVerdict } from './types.js';
import { parseUidString } from './validation.js';

const HEX32 = /^[0-9a-fA-F]{32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * agora-token's 006 parser prints its exceptions with console.log; silence that for the
 * duration of the (synchronous) call so a bad paste cannot write to our stdout.
 */
function parseQuietly(token: string): AccessToken | undefined {
  const parsed = new AccessToken('', '', '', '');
  const log = console.log;
  console.log = () => undefined;
  try {
    return parsed.fromString(token) ? parsed : undefined;
  } finally {
    console.log = log;
  }
}

function verify(parsed: AccessToken, options: DecodeOptions): SignatureVerdict {
  if (options.appCertificate === undefined || options.channel === undefined || options.uid === undefined) {
    return 'unchecked';
  }
  // 006 signs uid 0 as the empty string, exactly as the builder does for a numeric 0.
  const uid = parseUidString(options.uid) === 0 ? 0 : options.uid;
  const rebuilt = new AccessToken(parsed.appID, options.appCertificate, options.channel, uid);
  rebuilt.salt = parsed.salt;
  rebuilt.ts = parsed.ts;
  rebuilt.messages = { ...parsed.messages };
  const again = parseQuietly(rebuilt.build());
  const expected = again?.signature;
  return expected !== undefined && parsed.signature !== undefined && expected.equals(parsed.signature) ? 'valid' : 'invalid';
}

export function decodeToken006(token: string, options: DecodeOptions): DecodedToken006 {
  const appId = token.slice(3, 35);
  const content = token.slice(35);
  if (!HEX32.test(appId) || !BASE64.test(content)) {
    throw new TokenDeskError('invalid_token', 'not a valid 006 token: expected 006, a 32-character App ID, then base64');
  }
  const parsed = parseQuietly(token);
  if (parsed === undefined || parsed.signature === undefined || typeof parsed.salt !== 'number') {
    throw new TokenDeskError('invalid_token', 'not a valid 006 token: its content could not be read');
  }
  return {
    version: '006',
    appId,
    issuedAt: parsed.ts,
    salt: parsed.salt,
    channelCrc: parsed.crc_channel_name ?? 0,
    uidCrc: parsed.crc_uid ?? 0,
    privileges: namePrivileges(parsed.messages, PRIVILEGE_NAMES_006),
    signature: verify(parsed, options),
  };
}

import { createRequire } from 'node:module';
import type { AccessToken } from 'agora-token/src/AccessToken.js';
import { HEX32, parseUidString } from '../contract/text-rules.js';
import { TokenDeskError } from '../errors.js';
import { PRIVILEGE_NAMES_006, namePrivileges } from './names.js';
import { signedBy, type ParsedDecodeOptions } from './decode.js';
import { base64TextProblem } from './token-text.js';
import type { CertificateCandidate, DecodedToken006, SignatureVerdict } from './types.js';

type AccessTokenClass = typeof import('agora-token/src/AccessToken.js').AccessToken;

// agora-token's 006 module (with its crc-32 and cuint dependencies) is loaded on the first
// 006 token only: almost every token today is 007, and `decode` must start fast.
const requireAtRunTime = createRequire(import.meta.url);
let accessToken006: AccessTokenClass | undefined;
function legacyAccessToken(): AccessTokenClass {
  accessToken006 ??= (requireAtRunTime('agora-token/src/AccessToken.js') as { AccessToken: AccessTokenClass })
    .AccessToken;
  return accessToken006;
}

const MEASURING_CERTIFICATE = '0'.repeat(32);

const malformed006 = (why: string) => new TokenDeskError('invalid_token', `not a valid 006 token: ${why}`);

/**
 * agora-token's 006 parser prints its exceptions with console.log; silence that for the
 * duration of the (synchronous) call so a bad paste cannot write to our stdout.
 */
function parseQuietly(token: string): AccessToken | undefined {
  const parsed = new (legacyAccessToken())('', '', '', '');
  const log = console.log;
  console.log = () => undefined;
  try {
    return parsed.fromString(token) ? parsed : undefined;
  } finally {
    console.log = log;
  }
}

// 006 signs uid 0 as the empty string, exactly as the builder does for a numeric 0.
const signedUid = (uid: string): string | number => (parseUidString(uid) === 0 ? 0 : uid);

/** The token agora-token builds from these parts; its signature is what a genuine token carries. */
function rebuild(
  parsed: AccessToken,
  certificate: string,
  channel: string,
  uid: string | number,
): AccessToken | undefined {
  const again = new (legacyAccessToken())(parsed.appID, certificate, channel, uid);
  again.salt = parsed.salt;
  again.ts = parsed.ts;
  again.messages = { ...parsed.messages };
  return parseQuietly(again.build());
}

function verify(parsed: AccessToken, options: ParsedDecodeOptions): { signature: SignatureVerdict; signedBy?: string } {
  const { channel, uid } = options;
  if (options.certificates.length === 0 || channel === undefined || uid === undefined)
    return { signature: 'unchecked' };
  const signs = (c: CertificateCandidate) => {
    const expected = rebuild(parsed, c.value, channel, signedUid(uid))?.signature;
    return expected !== undefined && parsed.signature !== undefined && expected.equals(parsed.signature);
  };
  const signer = options.certificates.find(signs);
  return signer === undefined ? { signature: 'invalid' } : signedBy(signer);
}

/** The parser ignores bytes after the last field; a rebuilt token of the same parts shows how many there should be. */
function assertNothingLeftOver(parsed: AccessToken, content: string): void {
  const bytes = Buffer.from(content, 'base64');
  if (bytes.toString('base64') !== content) throw malformed006('its base64 text was altered or cut short');
  const again = rebuild(parsed, MEASURING_CERTIFICATE, '', '');
  if (again === undefined) throw malformed006('its content could not be read');
  const expected = Buffer.from(again.build().slice(35), 'base64').length;
  if (bytes.length !== expected) throw malformed006(`it has ${bytes.length - expected} bytes more than its fields use`);
}

export function decodeToken006(token: string, options: ParsedDecodeOptions): DecodedToken006 {
  const appId = token.slice(3, 35);
  if (!HEX32.test(appId) || token.length === 35) throw malformed006('expected 006, a 32-character App ID, then base64');
  const content = token.slice(35);
  const problem = base64TextProblem(content, 35);
  if (problem !== undefined) throw malformed006(problem);
  const parsed = parseQuietly(token);
  if (parsed === undefined || parsed.signature === undefined || typeof parsed.salt !== 'number') {
    throw malformed006('its content could not be read');
  }
  assertNothingLeftOver(parsed, content);
  const { signature, signedBy } = verify(parsed, options);
  const decoded: DecodedToken006 = {
    version: '006',
    appId,
    messageTimestamp: parsed.ts,
    issuedAt: parsed.ts,
    salt: parsed.salt,
    channelCrc: parsed.crc_channel_name ?? 0,
    uidCrc: parsed.crc_uid ?? 0,
    privileges: namePrivileges(parsed.messages, PRIVILEGE_NAMES_006),
    signature,
  };
  if (signedBy !== undefined) decoded.signedBy = signedBy;
  return decoded;
}

/**
 * Whether a 006 token was made for this channel and uid, from the CRC32s it carries in
 * the clear: no certificate needed. agora-token computes the CRCs (by building a token
 * for them), so no checksum code of our own.
 */
export function identityMatches006(
  decoded: DecodedToken006,
  channel: string | undefined,
  uid: string | undefined,
): { channel?: boolean; uid?: boolean } {
  const probe = new (legacyAccessToken())(
    decoded.appId,
    MEASURING_CERTIFICATE,
    channel ?? '',
    uid === undefined ? '' : signedUid(uid),
  );
  const crcs = parseQuietly(probe.build());
  const out: { channel?: boolean; uid?: boolean } = {};
  if (crcs === undefined) return out;
  if (channel !== undefined) out.channel = crcs.crc_channel_name === decoded.channelCrc;
  if (uid !== undefined) out.uid = crcs.crc_uid === decoded.uidCrc;
  return out;
}

import { inflateSync } from 'node:zlib';
import {
  AccessToken2,
  kApaasServiceType,
  type Service,
  type ServiceApaas,
  type ServiceChat,
  type ServiceFCdn,
  type ServiceRtc,
  type ServiceRtm,
  type ServiceRtm2,
  type ServiceStreaming,
} from 'agora-token/src/AccessToken2.js';
import { TokenDeskError } from '../errors.js';
import { PRIVILEGE_NAMES, SERVICE_TYPE_NAMES, nameRtm2Permissions, namePrivileges } from './names.js';
import { decodeToken006 } from './decode006.js';
import { base64TextProblem } from './token-text.js';
import type { CertificateCandidate, DecodedToken, DecodedToken007, ServiceInfo, SignatureVerdict } from './types.js';
import { HEX32, checkAppCertificate } from '../contract/text-rules.js';

export interface DecodeOptions {
  /** Verify the signature with this App Certificate; without any certificate the verdict is `unchecked`. */
  appCertificate?: string | undefined;
  /** Several certificates to try (a profile's primary and secondary); `signedBy` names the one that signed. */
  certificates?: CertificateCandidate[] | undefined;
  /** 006 tokens sign the channel and uid, so verifying one needs them too. */
  channel?: string | undefined;
  uid?: string | undefined;
}

/** The certificates to try, parsed: `appCertificate` first (labelled "certificate"), then the list. */
export type ParsedDecodeOptions = Omit<DecodeOptions, 'appCertificate' | 'certificates'> & {
  certificates: CertificateCandidate[];
};

// Any valid hex string: rebuilding a token only to measure it needs a certificate, not the right one.
export const MEASURING_CERTIFICATE = '0'.repeat(32);

const text = (value: Buffer | string): string => (typeof value === 'string' ? value : value.toString('utf8'));

function describeService(service: Service): ServiceInfo {
  const type = SERVICE_TYPE_NAMES[service.service_type()];
  const privileges = namePrivileges(service.__privileges, type === undefined ? undefined : PRIVILEGE_NAMES[type]);
  switch (type) {
    case 'rtc': {
      const s = service as ServiceRtc;
      return { type, channel: text(s.__channel_name), uid: text(s.__uid) || '0', privileges };
    }
    case 'rtm':
    case 'chat':
      return { type, userId: text((service as ServiceRtm | ServiceChat).__user_id), privileges };
    case 'streaming':
    case 'fcdn': {
      const s = service as ServiceStreaming | ServiceFCdn;
      return { type, channel: text(s.__channel_name), account: text(s.__account), privileges };
    }
    case 'apaas': {
      const s = service as ServiceApaas;
      return { type, roomUuid: text(s.__room_uuid), userUuid: text(s.__user_uuid), role: s.__role, privileges };
    }
    case 'rtm2': {
      const s = service as ServiceRtm2;
      return { type, userId: text(s.__user_id), permissions: nameRtm2Permissions(s.__permissions.details), privileges };
    }
    case 'fpa':
    case 'convoai':
    case 'stt':
      return { type, privileges };
    default:
      // agora-token only instantiates the service types it knows, all listed above.
      throw new TokenDeskError('invalid_token', `unsupported service type ${service.service_type()}`);
  }
}

const malformed007 = (why: string) => new TokenDeskError('invalid_token', `not a valid 007 token: ${why}`);

/**
 * agora-token reads an aPaaS role as an unsigned 16-bit number but writes it as a signed one,
 * so the role -1 of its user and app tokens comes back as 65535 and cannot be packed again
 * (verifying and measuring both pack). Packs with the signed value and puts the read one back.
 */
function withPackableRoles<T>(parsed: AccessToken2, run: () => T): T {
  const changed: Array<[ServiceApaas, number]> = [];
  for (const service of parsed.services) {
    if (service.service_type() !== kApaasServiceType) continue;
    const apaas = service as ServiceApaas;
    if (apaas.__role > 0x7fff) {
      changed.push([apaas, apaas.__role]);
      apaas.__role -= 0x10000;
    }
  }
  try {
    return run();
  } finally {
    for (const [apaas, role] of changed) apaas.__role = role;
  }
}

/**
 * agora-token's parser reads what it needs and ignores the rest, so a token with bytes
 * appended (or a service type it cannot read) parses "fine". Rebuilding the parsed token
 * with agora-token and comparing sizes finds both without reading bytes by hand.
 */
function assertNothingLeftOver(token: string, parsed: AccessToken2, appId: string): void {
  const compressed = Buffer.from(token.slice(3), 'base64');
  if (compressed.toString('base64') !== token.slice(3)) throw malformed007('its base64 text was altered or cut short');
  let original: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    original = inflateSync(compressed, { info: true }) as unknown as typeof original;
  } catch {
    throw malformed007('its content could not be read');
  }
  if (original.engine.bytesWritten !== compressed.length) {
    throw malformed007(`${compressed.length - original.engine.bytesWritten} bytes follow its compressed content`);
  }
  if (!HEX32.test(appId)) throw malformed007(`its App ID ${JSON.stringify(appId)} is not 32 hexadecimal characters`);
  if (parsed.services.length === 0) throw malformed007('it carries no service');
  const again = new AccessToken2(appId, MEASURING_CERTIFICATE, parsed.issueTs, parsed.expire);
  again.salt = parsed.salt;
  for (const service of parsed.services) again.add_service(service);
  const expected = inflateSync(Buffer.from(withPackableRoles(parsed, () => again.build()).slice(3), 'base64')).length;
  if (original.buffer.length !== expected) {
    throw malformed007(
      `${original.buffer.length - expected} bytes after its last readable service (appended data, or a service type this version cannot read)`,
    );
  }
}

function verify007(
  parsed: AccessToken2,
  certificates: CertificateCandidate[],
): { signature: SignatureVerdict; signedBy?: string } {
  if (certificates.length === 0) return { signature: 'unchecked' };
  const signer = withPackableRoles(parsed, () => certificates.find((c) => parsed.verifySignature(c.value)));
  return signer === undefined ? { signature: 'invalid' } : signedBy(signer);
}

/** The label given to `appCertificate`, which verdicts do not name. */
export const UNNAMED = '';

export function signedBy(signer: CertificateCandidate): { signature: 'valid'; signedBy?: string } {
  return signer.label === UNNAMED ? { signature: 'valid' } : { signature: 'valid', signedBy: signer.label };
}

function decodeToken007(token: string, options: ParsedDecodeOptions): DecodedToken007 {
  if (token.length === 3) throw malformed007('its content could not be read');
  const problem = base64TextProblem(token.slice(3), 3);
  if (problem !== undefined) throw malformed007(problem);
  const parsed = new AccessToken2('', '', 0, 0);
  if (!parsed.from_string(token)) throw malformed007('its content could not be read');
  const appId = text(parsed.appId);
  assertNothingLeftOver(token, parsed, appId);
  const { signature, signedBy } = verify007(parsed, options.certificates);
  const decoded: DecodedToken007 = {
    version: '007',
    appId,
    issuedAt: parsed.issueTs,
    expire: parsed.expire,
    expiresAt: parsed.issueTs + parsed.expire,
    salt: parsed.salt,
    services: parsed.services.map(describeService),
    signature,
  };
  if (signedBy !== undefined) decoded.signedBy = signedBy;
  return decoded;
}

/**
 * The token and certificates checked by hand rather than with a schema: `decode` is the
 * CLI's quickest command, and this keeps zod from loading on its path (docs/benchmark-cli.md).
 * The messages are the schemas' own.
 */
function parseDecodeInput(
  token: unknown,
  options: DecodeOptions,
): { token: string; certificates: CertificateCandidate[] } {
  const value = typeof token === 'string' ? token.trim() : '';
  if (value === '') throw new TokenDeskError('invalid_input', 'token is required', 'token');
  // An unnamed appCertificate verifies without naming itself; named candidates report `signedBy`.
  const certificates: CertificateCandidate[] = [];
  if (options.appCertificate !== undefined)
    certificates.push({ label: UNNAMED, value: checkAppCertificate(options.appCertificate, 'appCertificate') });
  (options.certificates ?? []).forEach((candidate, i) => {
    if (typeof candidate.label !== 'string' || candidate.label === '')
      throw new TokenDeskError('invalid_input', 'a certificate label is required', `certificates.${i}.label`);
    certificates.push({
      label: candidate.label,
      value: checkAppCertificate(candidate.value, `certificates.${i}.value`),
    });
  });
  return { token: value, certificates };
}

/**
 * Decodes a 006 or 007 token strictly (non-base64 characters, embedded whitespace or
 * trailing bytes make it malformed) and verifies its signature with each given certificate.
 */
export function decodeToken(token: string, options: DecodeOptions = {}): DecodedToken {
  const input = parseDecodeInput(token, options);
  const certificates = input.certificates;
  const opts: ParsedDecodeOptions = { channel: options.channel, uid: options.uid, certificates };
  const value = input.token;
  const version = value.slice(0, 3);
  if (version === '007') return decodeToken007(value, opts);
  if (version === '006') return decodeToken006(value, opts);
  throw new TokenDeskError(
    'invalid_token',
    /^\d{3}/.test(version)
      ? `unsupported token version ${version}: only 006 and 007 tokens can be decoded`
      : 'not an Agora token: a token starts with 006 or 007',
  );
}

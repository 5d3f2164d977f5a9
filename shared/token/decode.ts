import {
  AccessToken2,
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
import { PRIVILEGE_NAMES, SERVICE_TYPE_NAMES, namePrivileges } from './names.js';
import { decodeToken006 } from './decode006.js';
import type { DecodedToken, DecodedToken007, ServiceInfo, SignatureVerdict } from './types.js';
import { appCertificateSchema, parseInput } from './validation.js';
import { z } from 'zod';

export interface DecodeOptions {
  /** Verify the signature with this App Certificate; without it the verdict is `unchecked`. */
  appCertificate?: string;
  /** 006 tokens sign the channel and uid, so verifying one needs them too. */
  channel?: string;
  uid?: string;
}

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
      return { type, userId: text(s.__user_id), permissions: s.__permissions.details, privileges };
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

function decodeToken007(token: string, options: DecodeOptions): DecodedToken007 {
  const parsed = new AccessToken2('', '', 0, 0);
  if (!parsed.from_string(token)) {
    throw new TokenDeskError('invalid_token', 'not a valid 007 token: its content could not be read');
  }
  const appId = text(parsed.appId);
  let signature: SignatureVerdict = 'unchecked';
  if (options.appCertificate !== undefined) {
    signature = parsed.verifySignature(options.appCertificate) ? 'valid' : 'invalid';
  }
  return {
    version: '007',
    appId,
    issuedAt: parsed.issueTs,
    expire: parsed.expire,
    expiresAt: parsed.issueTs + parsed.expire,
    salt: parsed.salt,
    services: parsed.services.map(describeService),
    signature,
  };
}

const decodeInputSchema = z.object({
  token: z.string({ error: 'token is required' }).trim().min(1, { error: 'token is required' }),
  appCertificate: appCertificateSchema.optional(),
});

/** Decodes a 006 or 007 token and, given a certificate, verifies its signature. */
export function decodeToken(token: string, options: DecodeOptions = {}): DecodedToken {
  const input = parseInput(decodeInputSchema, { token, appCertificate: options.appCertificate });
  const value = input.token;
  const opts: DecodeOptions = { ...options, appCertificate: input.appCertificate };
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

import { describeExpiry, isoTime } from '../shared/relative-time.js';
import { tokenTimeStatus } from '../shared/token/status.js';
import type { DecodedToken, ServiceInfo } from '../shared/token/types.js';

const SIGNATURE_TEXT = {
  valid: 'valid',
  invalid: 'INVALID (signed with a different certificate, or altered)',
  unchecked: 'unchecked (no certificate given)',
} as const;

function row(label: string, value: string | number): string {
  return `${label.padEnd(12)}${value}`;
}

function serviceFields(service: ServiceInfo): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(service)) {
    if (key === 'type' || key === 'privileges') continue;
    fields.push([key, typeof value === 'string' ? value : JSON.stringify(value)]);
  }
  return fields;
}

/** The human-readable `decode` output: header, one block per service, the verdict. */
export function formatDecoded(decoded: DecodedToken, now: number): string[] {
  const status = tokenTimeStatus(decoded, now);
  const lines = [row('Version', decoded.version), row('App ID', decoded.appId)];
  lines.push(row('Issued at', `${isoTime(decoded.issuedAt)} (${decoded.issuedAt})`));
  if (decoded.version === '007') {
    lines.push(row('Expire', `${decoded.expire} s`));
  }
  const expires = status.expiresAt === null ? 'never' : `${isoTime(status.expiresAt)} (${describeExpiry(status.expiresAt, now)})`;
  lines.push(row('Expires at', expires));
  lines.push(row('Salt', decoded.salt));
  if (decoded.version === '006') {
    lines.push(row('Channel CRC', decoded.channelCrc), row('Uid CRC', decoded.uidCrc));
  }
  const privilegeLines = (service: string) =>
    status.privileges
      .filter((p) => p.service === service)
      .map((p) => `    ${p.privilege.padEnd(20)}${p.expiresAt === null ? 'never expires' : `${isoTime(p.expiresAt)} (${describeExpiry(p.expiresAt, now)})`}`);
  if (decoded.version === '007') {
    for (const service of decoded.services) {
      lines.push(`Service ${service.type}`);
      for (const [key, value] of serviceFields(service)) lines.push(`    ${key.padEnd(20)}${value}`);
      lines.push(...privilegeLines(service.type));
    }
  } else {
    lines.push('Privileges');
    lines.push(...privilegeLines('rtc'));
  }
  lines.push(row('Signature', SIGNATURE_TEXT[decoded.signature]));
  return lines;
}

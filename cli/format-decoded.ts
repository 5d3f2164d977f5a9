import { describeExpiry, isoTime } from '../shared/relative-time.js';
import { tokenTimeStatus } from '../shared/token/status.js';
import type { DecodedToken, PrivilegeTimeStatus, ServiceInfo } from '../shared/token/types.js';

const SIGNATURE_TEXT = {
  valid: 'valid',
  invalid: 'INVALID (signed with a different certificate, or altered)',
  unchecked: 'unchecked',
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

const when = (at: number | null, now: number): string =>
  at === null ? 'never expires' : `${isoTime(at)} (${describeExpiry(at, now)})`;

/** The encoded value, shown only where it is not what decides the expiry. */
function encodedNote(p: PrivilegeTimeStatus, version: DecodedToken['version']): string {
  if (version === '006' || p.limitedBy === 'privilege' || p.limitedBy === 'none') return '';
  if (p.encoded === 0) return '  [encoded 0: lasts as long as the token]';
  if (p.ownExpiresAt !== p.expiresAt) return `  [encoded ${p.encoded} s; the token expires first]`;
  return '';
}

function privilegeLines(decoded: DecodedToken, privileges: PrivilegeTimeStatus[], now: number): string[] {
  return privileges.map(
    (p) => `    ${p.privilege.padEnd(20)}${when(p.expiresAt, now)}${encodedNote(p, decoded.version)}`,
  );
}

function signatureLine(decoded: DecodedToken, uncheckedReason: string): string {
  const base = decoded.signature === 'unchecked' ? `unchecked (${uncheckedReason})` : SIGNATURE_TEXT[decoded.signature];
  return row('Signature', decoded.signedBy !== undefined ? `${base} (${decoded.signedBy} certificate)` : base);
}

/** The human-readable `decode` output: header, one block per service, the verdict. */
export function formatDecoded(decoded: DecodedToken, now: number, uncheckedReason = 'no certificate given'): string[] {
  const status = tokenTimeStatus(decoded, now);
  const lines = [row('Version', decoded.version), row('App ID', decoded.appId)];
  if (decoded.version === '007') {
    lines.push(row('Issued at', `${isoTime(decoded.issuedAt)} (${decoded.issuedAt})`));
    lines.push(row('Expire', `${decoded.expire} s`));
  } else {
    const ts = decoded.messageTimestamp;
    lines.push(
      row(
        'Message ts',
        `${isoTime(ts)} (${ts}; Agora's message timestamp, set to build time + 24 h: not the issue time)`,
      ),
    );
  }
  lines.push(row('Expires at', when(status.expiresAt, now)));
  lines.push(row('Salt', decoded.salt));
  if (decoded.version === '007') {
    decoded.services.forEach((service, index) => {
      lines.push(`Service ${service.type}`);
      for (const [key, value] of serviceFields(service)) lines.push(`    ${key.padEnd(20)}${value}`);
      lines.push(
        ...privilegeLines(
          decoded,
          status.privileges.filter((p) => p.serviceIndex === index),
          now,
        ),
      );
    });
  } else {
    lines.push(row('Channel CRC', decoded.channelCrc), row('Uid CRC', decoded.uidCrc));
    lines.push('Privileges');
    lines.push(...privilegeLines(decoded, status.privileges, now));
  }
  lines.push(signatureLine(decoded, uncheckedReason));
  return lines;
}

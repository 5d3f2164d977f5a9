/**
 * Findings about time: expired token or privileges, expiring soon, a clock that disagrees
 * with the issue time, lifetimes that look like a mistake. Everything reads time through
 * tokenTimeStatus, the one expiry function. Browser-safe.
 */
import { describeExpiry, humanSpan, isoTime } from '../relative-time.js';
import { tokenTimeStatus } from '../token/status.js';
import type { DecodedToken, PrivilegeTimeStatus } from '../token/types.js';
import { finding } from './findings.js';
import { neededRows } from './needs.js';
import type { DoctorAction, Finding } from './schema.js';

/** Agora caps privileges at 24 hours. */
export const MAX_LIFETIME_SECONDS = 86400;
/** Warn when less than this is left (the SDKs warn 30 s before expiry). */
export const EXPIRES_SOON_SECONDS = 60;
/** Values this large are unix times, not durations (2001-09-09). */
const UNIX_TIME_THRESHOLD = 1_000_000_000;

const RENEW =
  'Fetch a fresh token from your server before joining, and renew it with renewToken when the SDK reports that it will expire.';

const at = (t: number, now: number) => `${isoTime(t)} (${describeExpiry(t, now)})`;
const nameOf = (p: PrivilegeTimeStatus) => `${p.service} ${p.privilege}`;

export function timeFindings(decoded: DecodedToken, action: DoctorAction | undefined, now: number): Finding[] {
  const status = tokenTimeStatus(decoded, now);
  const out: Finding[] = [...futureIssue(decoded, now), ...suspiciousLifetimes(decoded, now)];
  if (status.expired && status.expiresAt !== null) {
    out.push(
      finding(
        'token_expired',
        'error',
        `The token expired at ${at(status.expiresAt, now)}; the client's clock reads ${isoTime(now)}.`,
        RENEW,
      ),
    );
    return out;
  }
  const needed = new Set(neededRows(action, decoded, status.privileges));
  for (const p of status.privileges) {
    if (!p.expired || p.expiresAt === null) continue;
    const critical = action !== undefined && needed.has(p);
    const before = status.expiresAt === null ? '' : `, before the token itself (${isoTime(status.expiresAt)})`;
    out.push(
      finding(
        'privilege_expired',
        critical ? 'error' : 'warning',
        `The ${nameOf(p)} privilege expired at ${at(p.expiresAt, now)}${before}${critical ? `; ${action} needs it` : ''}.`,
        'Build a new token whose privilege lasts as long as the client needs it (privilege expiry = token expiry unless you set it shorter).',
      ),
    );
  }
  const live = [...needed].filter((p) => !p.expired && p.expiresAt !== null) as Array<
    PrivilegeTimeStatus & { expiresAt: number }
  >;
  const soonest = live.sort((a, b) => a.expiresAt - b.expiresAt)[0];
  if (soonest !== undefined && soonest.expiresAt - now < EXPIRES_SOON_SECONDS) {
    out.push(
      finding(
        'expires_soon',
        'warning',
        `${soonest.limitedBy === 'token' ? 'The token' : `The ${nameOf(soonest)} privilege`} expires in ${humanSpan(soonest.expiresAt - now)}, at ${isoTime(soonest.expiresAt)}.`,
        RENEW,
      ),
    );
  }
  return out;
}

function futureIssue(decoded: DecodedToken, now: number): Finding[] {
  // A 006 token carries no issue time (its ts is a message timestamp), so only 007 is checked.
  if (decoded.version !== '007' || decoded.issuedAt <= now) return [];
  return [
    finding(
      'issued_in_future',
      'warning',
      `The token was issued at ${isoTime(decoded.issuedAt)}, ${humanSpan(decoded.issuedAt - now)} after the client's clock (${isoTime(now)}): the token server's clock or the client's is wrong.`,
      'Synchronise the clocks of the token server and the client (NTP); expiry is counted from the issue time.',
    ),
  ];
}

function suspiciousLifetimes(decoded: DecodedToken, now: number): Finding[] {
  const notes: string[] = [];
  if (decoded.version === '007') {
    const values: Array<[string, number]> = [['the token expire', decoded.expire]];
    for (const s of decoded.services)
      for (const [p, v] of Object.entries(s.privileges)) values.push([`${s.type} ${p}`, v]);
    for (const [name, value] of values) {
      if (value >= UNIX_TIME_THRESHOLD) {
        notes.push(
          `${name} is ${value} s, which looks like a unix time (${isoTime(value)}) passed where seconds from now are expected`,
        );
      } else if (value > MAX_LIFETIME_SECONDS) {
        notes.push(`${name} is ${value} s (${humanSpan(value)}), over the 24 h Agora allows`);
      }
    }
  } else {
    for (const [name, value] of Object.entries(decoded.privileges)) {
      if (value !== 0 && value < UNIX_TIME_THRESHOLD) {
        notes.push(
          `${name} is ${value}, which looks like seconds from now passed where a 006 token expects a unix time (it means ${isoTime(value)})`,
        );
      } else if (value > now + MAX_LIFETIME_SECONDS) {
        notes.push(`${name} lasts until ${isoTime(value)}, over 24 h from now`);
      }
    }
  }
  if (notes.length === 0) return [];
  return [
    finding(
      'expiry_suspicious',
      'warning',
      `${notes.join('; ')}.`,
      decoded.version === '007'
        ? 'Pass lifetimes as seconds from now, at most 86400 (24 h).'
        : 'For 006 tokens pass privilege expiry as a unix time (now + seconds), at most 24 h ahead.',
    ),
  ];
}

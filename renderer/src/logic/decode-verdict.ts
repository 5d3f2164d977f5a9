/**
 * The one verdict Decode shows first (valid / invalid signature / unchecked / expired), and
 * when the token actually stops working: the earliest effective expiry of its privileges,
 * read from tokenTimeStatus, the one expiry function. Pure, so it is tested under Node.
 */
import { tokenTimeStatus } from '../../../shared/token/status.js';
import type { DecodedToken } from '../../../shared/token/types.js';

export type VerdictKind = 'valid' | 'invalid' | 'unchecked' | 'expired';

export interface TokenEnd {
  /** Unix seconds the first privilege (or the token) stops working; null when nothing ends. */
  at: number | null;
  /** What ends first, e.g. "rtc joinChannel", or "the token" when it has no privilege of its own. */
  what: string;
  /** The token-wide expiry it carries, when a privilege ends before it (null: none or the same). */
  tokenExpiresAt: number | null;
}

export function tokenEnd(decoded: DecodedToken, now: number): TokenEnd {
  const status = tokenTimeStatus(decoded, now);
  let first: { at: number; what: string } | undefined;
  for (const p of status.privileges) {
    if (p.expiresAt !== null && (first === undefined || p.expiresAt < first.at))
      first = { at: p.expiresAt, what: `${p.service} ${p.privilege}` };
  }
  const own = decoded.version === '007' ? status.expiresAt : null;
  if (first === undefined) return { at: own, what: 'the token', tokenExpiresAt: null };
  return { ...first, tokenExpiresAt: own !== null && own !== first.at ? own : null };
}

export interface DecodeVerdict {
  kind: VerdictKind;
  title: string;
}

const TITLES: Record<VerdictKind, string> = {
  valid: 'Valid token: signature verified and not expired',
  invalid: 'Invalid signature: Agora will reject this token',
  unchecked: 'Signature not checked: the contents below are unverified',
  expired: 'Expired: this token no longer works',
};

/** An invalid signature outranks expiry (the token never worked); expiry outranks "unchecked". */
export function decodeVerdict(decoded: DecodedToken, now: number): DecodeVerdict {
  const end = tokenEnd(decoded, now);
  const kind: VerdictKind =
    decoded.signature === 'invalid'
      ? 'invalid'
      : end.at !== null && end.at <= now
        ? 'expired'
        : decoded.signature === 'unchecked'
          ? 'unchecked'
          : 'valid';
  return { kind, title: TITLES[kind] };
}

import { tokenTimeStatus } from './status.js';
import type { DecodedToken } from './types.js';

/** One bar on the expiry timeline: from `start` to `end` (null: open-ended), live or not at `now`. */
export interface TimelineBar {
  label: string;
  start: number;
  end: number | null;
  expired: boolean;
  /** Where the bar's own encoded value would end it, when the token cuts it short. */
  encodedEnd?: number;
}

export interface ExpiryTimeline {
  /** The axis, in unix seconds, wide enough for every bar and `now`. */
  from: number;
  to: number;
  now: number;
  bars: TimelineBar[];
}

/**
 * The token and each privilege on one time axis, now marked: the data behind the Decode
 * screen's timeline, from tokenTimeStatus so it cannot disagree with the CLI. Browser-safe.
 * 006 tokens carry no issue time, so their bars start at the earlier of `now` and their first expiry.
 */
export function expiryTimeline(decoded: DecodedToken, now: number): ExpiryTimeline {
  const status = tokenTimeStatus(decoded, now);
  const start =
    decoded.version === '007' ? decoded.issuedAt : Math.min(now, ...status.privileges.map((p) => p.expiresAt ?? now));
  const bars: TimelineBar[] = [{ label: 'token', start, end: status.expiresAt, expired: status.expired }];
  for (const p of status.privileges) {
    const bar: TimelineBar = { label: `${p.service} ${p.privilege}`, start, end: p.expiresAt, expired: p.expired };
    if (p.limitedBy === 'token' && p.ownExpiresAt !== null && p.ownExpiresAt !== p.expiresAt)
      bar.encodedEnd = p.ownExpiresAt;
    bars.push(bar);
  }
  const ends = bars.map((b) => b.end ?? now);
  const from = Math.min(start, now);
  const to = Math.max(now, ...ends);
  return { from, to: to === from ? from + 1 : to, now, bars };
}

/**
 * "2026-11-25 14:02:11 (in 59 min)": an absolute time in the chosen display plus a countdown.
 * Pass the screen's one `now` so the same instant never reads two ways on one screen.
 */
import { useEffect, useState } from 'react';
import { describeExpiry } from '../../../shared/relative-time.js';
import { displayTime, type TimeDisplay } from '../logic/time-display.js';

export { displayTime, type TimeDisplay };

export function useNow(): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function ExpiryLine({
  expiresAt,
  now,
  timeDisplay = 'local',
}: {
  expiresAt: number;
  now?: number;
  timeDisplay?: TimeDisplay;
}) {
  const ticking = useNow();
  const at = now ?? ticking;
  const expired = expiresAt <= at;
  return (
    <span className={expired ? 'expiry expired' : 'expiry'}>
      <time dateTime={new Date(expiresAt * 1000).toISOString()}>{displayTime(expiresAt, timeDisplay)}</time>{' '}
      <span className="countdown">({describeExpiry(expiresAt, at)})</span>
    </span>
  );
}

/** "Mon 14:02:11 (in 59 min)": absolute local time plus a countdown that ticks every second. */
import { useEffect, useState } from 'react';
import { describeExpiry } from '../../../shared/relative-time.js';

export function useNow(): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function localTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleString();
}

export function ExpiryLine({ expiresAt }: { expiresAt: number }) {
  const now = useNow();
  const expired = expiresAt <= now;
  return (
    <span className={expired ? 'expiry expired' : 'expiry'}>
      <time dateTime={new Date(expiresAt * 1000).toISOString()}>{localTime(expiresAt)}</time>{' '}
      <span className="countdown">({describeExpiry(expiresAt, now)})</span>
    </span>
  );
}

import type { DecodedToken, TokenTimeStatus } from './types.js';

/**
 * When a decoded token and each of its privileges stop working. 007 privilege values
 * count from issuedAt and 0 means "as long as the token"; 006 values are absolute
 * unix times and 0 means "never".
 */
export function tokenTimeStatus(decoded: DecodedToken, now: number = Math.floor(Date.now() / 1000)): TokenTimeStatus {
  const privileges: TokenTimeStatus['privileges'] = [];
  if (decoded.version === '007') {
    const tokenExpiresAt = decoded.expire === 0 ? null : decoded.expiresAt;
    for (const service of decoded.services) {
      for (const [privilege, value] of Object.entries(service.privileges)) {
        const own = value === 0 ? null : decoded.issuedAt + value;
        const expiresAt = own === null ? tokenExpiresAt : tokenExpiresAt === null ? own : Math.min(own, tokenExpiresAt);
        privileges.push({ service: service.type, privilege, expiresAt, expired: expiresAt !== null && expiresAt <= now });
      }
    }
    return { expiresAt: tokenExpiresAt, expired: tokenExpiresAt !== null && tokenExpiresAt <= now, privileges };
  }
  for (const [privilege, value] of Object.entries(decoded.privileges)) {
    const expiresAt = value === 0 ? null : value;
    privileges.push({ service: 'rtc', privilege, expiresAt, expired: expiresAt !== null && expiresAt <= now });
  }
  // A 006 token is usable while any privilege is; joinChannel is the one that gates a session.
  const join = privileges.find((p) => p.privilege === 'joinChannel') ?? privileges[0];
  const expiresAt = join?.expiresAt ?? null;
  return { expiresAt, expired: expiresAt !== null && expiresAt <= now, privileges };
}

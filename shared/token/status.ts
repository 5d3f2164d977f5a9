import type { DecodedToken, PrivilegeLimit, PrivilegeTimeStatus, TokenTimeStatus } from './types.js';

/**
 * THE function for when a decoded token and each of its privileges stop working; the
 * CLI, the Decode screen and the doctor all read time through it. 007 privilege values
 * count from issuedAt and 0 means "as long as the token"; the token's own expiry caps
 * every privilege. 006 values are absolute unix times, 0 meaning "never", and 006 has
 * no token-wide expiry.
 */
export function tokenTimeStatus(decoded: DecodedToken, now: number = Math.floor(Date.now() / 1000)): TokenTimeStatus {
  if (decoded.version === '007') {
    const tokenExpiresAt = decoded.expire === 0 ? null : decoded.expiresAt;
    const privileges: PrivilegeTimeStatus[] = [];
    decoded.services.forEach((service, serviceIndex) => {
      for (const [privilege, encoded] of Object.entries(service.privileges)) {
        const own = encoded === 0 ? null : decoded.issuedAt + encoded;
        const { expiresAt, limitedBy } = effectiveExpiry(own, tokenExpiresAt);
        privileges.push({
          service: service.type,
          privilege,
          expiresAt,
          expired: isPast(expiresAt, now),
          serviceIndex,
          encoded,
          ownExpiresAt: own,
          limitedBy,
        });
      }
    });
    return { expiresAt: tokenExpiresAt, expired: isPast(tokenExpiresAt, now), privileges };
  }
  const privileges: PrivilegeTimeStatus[] = Object.entries(decoded.privileges).map(([privilege, encoded]) => {
    const own = encoded === 0 ? null : encoded;
    return {
      service: 'rtc',
      privilege,
      expiresAt: own,
      expired: isPast(own, now),
      serviceIndex: 0,
      encoded,
      ownExpiresAt: own,
      limitedBy: own === null ? 'none' : 'privilege',
    };
  });
  // A 006 token is usable while any privilege is; joinChannel is the one that gates a session.
  const join = privileges.find((p) => p.privilege === 'joinChannel') ?? privileges[0];
  const expiresAt = join?.expiresAt ?? null;
  return { expiresAt, expired: isPast(expiresAt, now), privileges };
}

function effectiveExpiry(
  own: number | null,
  token: number | null,
): { expiresAt: number | null; limitedBy: PrivilegeLimit } {
  if (own === null) return { expiresAt: token, limitedBy: token === null ? 'none' : 'token' };
  if (token === null || own < token) return { expiresAt: own, limitedBy: 'privilege' };
  return { expiresAt: token, limitedBy: 'token' };
}

function isPast(expiresAt: number | null, now: number): boolean {
  return expiresAt !== null && expiresAt <= now;
}

import { isLoopbackHostHeader } from '../server/request-guards.js';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Browser mode's gates. Any page the user has open can send requests to a loopback port,
 * so every request must prove it comes from the UI's own page:
 *   Host   a loopback name (a DNS-rebinding page reaches us under its own host name),
 *   Origin the UI's own origin, when the browser sends one,
 *   key    the per-launch access key the page got in the URL fragment (API calls only).
 */

/** 256 random bits, URL-safe: the page's proof that it was opened from our printed URL. */
export function newAccessKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares a presented key with the launch key in constant time. Both sides are hashed
 * first, so the comparison never depends on (or leaks) the presented value's length.
 */
export function accessKeyMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined || presented === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * A Host header naming this machine by a loopback name, any port (SSH port forwarding may
 * put the UI on another local port than the one we listen on): the token server's own check.
 */
export { isLoopbackHostHeader };

/** The UI's own origin is the one the browser reached us under: `http://` + the Host header. */
export function isOwnOrigin(origin: string, host: string): boolean {
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

/**
 * Fetch metadata: only our own page (same-origin) and the user typing or opening the URL
 * (none) may reach us; same-site matters too, because every other loopback port is the
 * same site as ours.
 */
export function isAllowedFetchSite(value: string | undefined): boolean {
  return value === undefined || value === 'same-origin' || value === 'none';
}

export type GuardVerdict = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

export interface GuardedRequest {
  host: string | undefined;
  origin: string | undefined;
  fetchSite: string | undefined;
  /** Whether the request reaches the API (and so needs the key). */
  isApi: boolean;
  accessKey: string | undefined;
}

/** Decides one request; the order puts the cheapest, most telling refusal first. */
export function checkRequest(request: GuardedRequest, expectedKey: string): GuardVerdict {
  if (!isLoopbackHostHeader(request.host)) {
    return { allowed: false, status: 403, reason: 'the Host header is not a loopback name' };
  }
  if (request.origin !== undefined && !isOwnOrigin(request.origin, request.host ?? '')) {
    return { allowed: false, status: 403, reason: 'the request comes from another origin' };
  }
  if (!isAllowedFetchSite(request.fetchSite)) {
    return { allowed: false, status: 403, reason: 'the request comes from another site' };
  }
  if (request.isApi && !accessKeyMatches(request.accessKey, expectedKey)) {
    return { allowed: false, status: 401, reason: 'the access key is missing or wrong' };
  }
  return { allowed: true };
}

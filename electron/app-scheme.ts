/**
 * The renderer is served from the privileged `app://desk/` scheme instead of file://: the page
 * gets a real origin (so its own policy and permission checks compare origins, not file
 * paths) and can load nothing from the disk outside its own folder. The path resolver is pure
 * and tested under Node; main only hands its answer to protocol.handle.
 */
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Standard (relative URLs, an origin), secure (like https) and fetch-capable. Deliberately
 * not bypassCSP: the page's Content-Security-Policy still applies in full.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type AppPath = { ok: true; path: string; contentType: string } | { ok: false; status: 400 | 404 };

/**
 * The file under `rendererDir` an app:// URL names, or why none is served. Anything that is
 * not app://desk/, cannot be decoded, carries a NUL or a backslash, or resolves outside the
 * folder (../, %2e%2e/, %2f…) is refused; `/` is index.html.
 */
export function resolveAppPath(url: string, rendererDir: string): AppPath {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (target.protocol !== `${APP_SCHEME}:` || target.host !== APP_HOST) return { ok: false, status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(target.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  const root = resolve(rendererDir);
  const path = resolve(join(root, pathname === '/' || pathname === '' ? 'index.html' : pathname));
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { ok: false, status: 404 };
  return { ok: true, path, contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
}

/** Headers of every app:// response: the app's policy travels with the page, never sniffed. */
export function appResponseHeaders(contentType: string, contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The desktop window's navigation, IPC-sender and permission rules as pure functions, so
 * they can be tested under Node; electron/main.ts only wires these into Electron's hooks.
 * The page's Content Security Policy is the application layer's (shared/app/), the same
 * for this window and browser mode.
 */

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL is the app's own page. For file: pages the origin is opaque ("null"), so
 * the file path must match; for app:// (the packaged renderer), its host; for an http dev
 * server, the origin. Query and hash are the
 * page's own business (the renderer routes with the hash).
 */
export function isAppPage(url: string, appUrl: string): boolean {
  const target = parseUrl(url);
  const app = parseUrl(appUrl);
  if (target === undefined || app === undefined) return false;
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  // A custom scheme's origin reads "null" in Node; the app:// host is the app's origin.
  if (app.protocol === 'app:') return target.protocol === 'app:' && target.host === app.host;
  return target.origin === app.origin && target.origin !== 'null';
}

/** What IPC needs to know about the frame that sent a message. */
export interface SenderFrameInfo {
  url: string;
  /** True when the frame is the window's top frame (not an iframe). */
  isMainFrame: boolean;
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frame: SenderFrameInfo | null | undefined, appUrl: string): boolean {
  return frame !== null && frame !== undefined && frame.isMainFrame && isAppPage(frame.url, appUrl);
}

/** https links open in the system browser; nothing else ever leaves the app. */
export function isExternalLink(url: string): boolean {
  const target = parseUrl(url);
  return target !== undefined && target.protocol === 'https:' && target.username === '' && target.password === '';
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternal?: string };

/**
 * For `will-navigate`: the window only ever shows the app page (a reload is fine);
 * an https link the user clicked goes to the system browser instead.
 */
export function decideNavigation(url: string, appUrl: string): NavigationDecision {
  if (isAppPage(url, appUrl)) return { action: 'allow' };
  return isExternalLink(url) ? { action: 'deny', openExternal: url } : { action: 'deny' };
}

/** For `setWindowOpenHandler`: never a new Electron window. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternal?: string } {
  return isExternalLink(url) ? { action: 'deny', openExternal: url } : { action: 'deny' };
}

/** The only permission the page uses is writing the clipboard from the Copy buttons. */
export function isPermissionAllowed(permission: string, requestingUrl: string, appUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppPage(requestingUrl, appUrl);
}

/**
 * ELECTRON_RENDERER_URL lets a developer point the window at a local dev server; it is
 * accepted only for loopback http, so an environment variable cannot load a remote page
 * that would then be trusted with IPC.
 */
export function devRendererUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const url = parseUrl(value);
  if (url === undefined || url.protocol !== 'http:') return undefined;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  return loopback.includes(url.hostname) ? url.href : undefined;
}

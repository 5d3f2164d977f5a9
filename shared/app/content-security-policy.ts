/**
 * The app page's Content Security Policy, one definition for both shells: the Electron
 * window (app:// responses and its session) and browser mode (every response of `ui`).
 *
 * The page loads its own bundled script and stylesheet and talks to the back end only over
 * IPC or, in browser mode, same-origin HTTP; so nothing remote and nothing inline is allowed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Splits a CSP into directive name -> source list (for tests and the meta-tag check). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_URL, appResponseHeaders, resolveAppPath } from '../../electron/app-scheme.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/app/content-security-policy.js';
import { decideNavigation, isAppPage, isTrustedSender } from '../../electron/security.js';

const root = join(sep, 'opt', 'desk', 'renderer');

describe('the app:// path resolver', () => {
  it('serves files of the renderer folder with their type; / is index.html', () => {
    expect(resolveAppPath(APP_URL, root)).toEqual({
      ok: true,
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppPath('app://desk/', root)).toMatchObject({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppPath('app://desk/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      path: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppPath('app://desk/assets/a%20b.css', root)).toMatchObject({
      path: join(root, 'assets', 'a b.css'),
    });
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://desk/..%2f..%2fetc%2fpasswd',
    'app://desk/%2e%2e',
    'app://desk/..%2frenderer-evil/index.html',
    'app://desk//etc/passwd/..%2f..%2f..%2f..%2f..%2fhome',
  ])('never leaves the renderer folder: %s', (url) => {
    const answer = resolveAppPath(url, root);
    // The URL parser folds a plain ../ into the root (a file that does not exist there); an
    // encoded one is refused after decoding. Either way nothing outside the folder is named.
    if (answer.ok) expect(answer.path.startsWith(root + sep)).toBe(true);
    else expect(answer.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses backslashes, NUL bytes, bad escapes, other hosts and schemes', () => {
    expect(resolveAppPath('app://desk/..%5c..%5cwindows%5cwin.ini', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://desk/index.html%00.png', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://desk/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://other/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppPath('file:///etc/passwd', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppPath('not a url', root)).toEqual({ ok: false, status: 400 });
  });

  it('sends the strict policy with every file', () => {
    expect(appResponseHeaders('text/html', CONTENT_SECURITY_POLICY)).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\bapp:/);
  });
});

describe('the app:// page as the trusted page', () => {
  it('trusts only app://desk pages (any path of it, reloads with a hash) and nothing else', () => {
    expect(isAppPage('app://desk/index.html#/settings', APP_URL)).toBe(true);
    expect(isAppPage('app://other/index.html', APP_URL)).toBe(false);
    expect(isAppPage('file:///index.html', APP_URL)).toBe(false);
    expect(isAppPage('https://desk/index.html', APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'app://desk/index.html', isMainFrame: true }, APP_URL)).toBe(true);
    expect(isTrustedSender({ url: 'app://desk/index.html', isMainFrame: false }, APP_URL)).toBe(false);
    expect(decideNavigation('app://desk/index.html', APP_URL)).toEqual({ action: 'allow' });
    expect(decideNavigation('app://evil/index.html', APP_URL)).toEqual({ action: 'deny' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  decideWindowOpen,
  devRendererUrl,
  isAppPage,
  isPermissionAllowed,
  isTrustedSender,
} from '../../electron/security.js';

const APP = 'file:///opt/Agora%20Token%20Desk/resources/app/dist/renderer/index.html';
const DEV = 'http://127.0.0.1:5173/';

describe('isTrustedSender', () => {
  it('trusts the app page in its top frame, with any hash or query', () => {
    expect(isTrustedSender({ url: APP, isMainFrame: true }, APP)).toBe(true);
    expect(isTrustedSender({ url: `${APP}#/decode`, isMainFrame: true }, APP)).toBe(true);
    expect(isTrustedSender({ url: `${DEV}#/server`, isMainFrame: true }, DEV)).toBe(true);
  });

  it('refuses subframes, closed frames and other pages', () => {
    expect(isTrustedSender({ url: APP, isMainFrame: false }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:5174/', isMainFrame: true }, DEV)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'data:text/html,<p>x</p>', isMainFrame: true }, DEV)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true }, APP)).toBe(false);
  });

  it('never trusts opaque origins, even when the app URL is one', () => {
    expect(isAppPage('data:text/html,a', 'data:text/html,a')).toBe(false);
  });
});

describe('navigation and window.open', () => {
  it('allows reloading the app page and blocks everything else', () => {
    expect(decideNavigation(`${APP}#/profiles`, APP)).toEqual({ action: 'allow' });
    expect(decideNavigation('file:///etc/passwd', APP)).toEqual({ action: 'deny' });
    expect(decideNavigation('http://example.com/', APP)).toEqual({ action: 'deny' });
    expect(decideNavigation('javascript:alert(1)', APP)).toEqual({ action: 'deny' });
  });

  it('sends https links to the system browser', () => {
    const docs = 'https://docs.agora.io/en/video-calling/get-started/authentication-workflow';
    expect(decideNavigation(docs, APP)).toEqual({ action: 'deny', openExternal: docs });
    expect(decideWindowOpen(docs)).toEqual({ action: 'deny', openExternal: docs });
  });

  it('opens nothing that is not plain https', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'mailto:a@b.c',
      'smb://host/share',
      'https://user:pw@example.com/',
    ]) {
      expect(decideWindowOpen(url), url).toEqual({ action: 'deny' });
    }
  });
});

describe('permissions and the dev renderer URL', () => {
  it('grants only clipboard writes, only to the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP, APP)).toBe(true);
    expect(isPermissionAllowed('clipboard-read', APP, APP)).toBe(false);
    expect(isPermissionAllowed('media', APP, APP)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/', APP)).toBe(false);
  });

  it('accepts only loopback http for ELECTRON_RENDERER_URL', () => {
    expect(devRendererUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(devRendererUrl('http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173/');
    expect(devRendererUrl(undefined)).toBeUndefined();
    expect(devRendererUrl('')).toBeUndefined();
    expect(devRendererUrl('https://example.com/')).toBeUndefined();
    expect(devRendererUrl('http://192.168.1.2:5173/')).toBeUndefined();
    expect(devRendererUrl('file:///tmp/index.html')).toBeUndefined();
  });
});

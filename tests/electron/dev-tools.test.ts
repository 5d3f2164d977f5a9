import { describe, expect, it } from 'vitest';
import { devToolsAllowed, rendererUrlOverride } from '../../electron/dev-tools.js';

const packaged = { isPackaged: true };
const fromSource = { isPackaged: false };

describe('development-only features', () => {
  it('allows DevTools only when the app is not packaged', () => {
    expect(devToolsAllowed(fromSource)).toBe(true);
    expect(devToolsAllowed(packaged)).toBe(false);
  });

  it('honours ELECTRON_RENDERER_URL only when the app is not packaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' };
    expect(rendererUrlOverride(env, fromSource)).toBe('http://127.0.0.1:5173/');
    expect(rendererUrlOverride(env, packaged)).toBeUndefined();
  });

  it('still accepts only a loopback http dev server', () => {
    expect(rendererUrlOverride({ ELECTRON_RENDERER_URL: 'https://example.com/' }, fromSource)).toBeUndefined();
    expect(rendererUrlOverride({}, fromSource)).toBeUndefined();
  });
});

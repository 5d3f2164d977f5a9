import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseCsp } from '../../shared/app/content-security-policy.js';

describe('Content-Security-Policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('denies everything not listed', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('runs only the app’s own scripts: nothing remote, inline or evaluated', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|nonce-|sha256-/,
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('every directive the renderer uses is declared', () => {
    for (const directive of ['style-src', 'img-src', 'font-src', 'connect-src', 'form-action']) {
      expect(csp.has(directive), directive).toBe(true);
    }
  });
});

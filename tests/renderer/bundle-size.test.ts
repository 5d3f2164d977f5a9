import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCsp, CONTENT_SECURITY_POLICY } from '../../shared/app/content-security-policy.js';
import { RENDERER_DIR } from './app-harness.js';

const LIMIT_BYTES = 110 * 1024;

describe('the production renderer build (dist/renderer, built by npm test)', () => {
  const assets = join(RENDERER_DIR, 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));

  it('ships at most 110 KB of gzipped JavaScript in total', () => {
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce(
      (sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length,
      0,
    );
    console.log(
      `renderer JavaScript: ${scripts.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzipped (limit 110 KB)`,
    );
    expect(gzipped).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it('has no source maps and no inline script or style in the page', () => {
    expect(readdirSync(assets).filter((name) => name.endsWith('.map'))).toEqual([]);
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style\b|\sstyle=/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it("carries main's Content-Security-Policy in its meta tag (less the header-only frame-ancestors)", () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const expected = parseCsp(CONTENT_SECURITY_POLICY);
    expected.delete('frame-ancestors');
    expect(parseCsp(meta ?? '')).toEqual(expected);
  });
});

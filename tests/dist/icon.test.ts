import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/cli.js';

const run = promisify(execFile);
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const canRender = existsSync(CHROMIUM) || process.env['CI'] === 'true';
if (!canRender) console.log(`skipped: icon rendering test (no Chromium at ${CHROMIUM})`);

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Decompressed scanlines (each prefixed by its filter byte). */
  pixels: Buffer;
}

function readPng(file: Buffer): PngInfo {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(file.toString('latin1', 12, 16)).toBe('IHDR');
  const idat: Buffer[] = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset);
    if (file.toString('latin1', offset + 4, offset + 8) === 'IDAT') idat.push(file.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20), bitDepth: file[24] ?? 0, colorType: file[25] ?? 0, pixels: inflateSync(Buffer.concat(idat)) };
}

describe.skipIf(!canRender)('scripts/make-icon.mjs', () => {
  const out = tempDir('icon');
  afterAll(out.cleanup);

  it('renders build/icon.svg to a 1024×1024 RGBA PNG with a transparent margin', async () => {
    const target = join(out.path, 'icon.png');
    await run(process.execPath, [join(REPO_ROOT, 'scripts', 'make-icon.mjs'), '--out', target], { cwd: REPO_ROOT });
    const png = readPng(readFileSync(target));
    expect([png.width, png.height, png.bitDepth, png.colorType]).toEqual([1024, 1024, 8, 6]);
    // Row 0 pixel 0 is stored unpredicted whatever the row filter: its alpha byte is the 5th byte.
    expect(png.pixels[4]).toBe(0);
    // Something was drawn: the image is not all transparent.
    expect(png.pixels.some((byte, index) => index % (1 + 1024 * 4) !== 0 && byte !== 0)).toBe(true);
  });

  it('rejects a file that is not an SVG', async () => {
    const notSvg = join(out.path, 'not.svg');
    writeFileSync(notSvg, 'hello');
    await expect(run(process.execPath, [join(REPO_ROOT, 'scripts', 'make-icon.mjs'), '--svg', notSvg, '--out', join(out.path, 'x.png')])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not an SVG document'),
    });
  });
});

#!/usr/bin/env node
// Renders build/icon.svg to a 1024×1024 PNG with a transparent background (npm run icon).
// electron-builder derives the .icns, .ico and Linux sizes from that PNG.
// Usage: node scripts/make-icon.mjs [--svg build/icon.svg] [--out build/icon.png]
// Chromium: $CHROMIUM_PATH, else /usr/bin/chromium (Debian's package).
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ICON_SIZE = 1024;
const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { values } = parseArgs({
  options: {
    svg: { type: 'string', default: resolve(root, 'build', 'icon.svg') },
    out: { type: 'string', default: resolve(root, 'build', 'icon.png') },
  },
});

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  process.stderr.write(
    `error: Chromium not found at ${executablePath}; install Debian's chromium or set CHROMIUM_PATH\n`,
  );
  process.exit(3);
}

const svg = await readFile(values.svg, 'utf8');
if (!/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg)) {
  process.stderr.write(`error: ${values.svg} is not an SVG document\n`);
  process.exit(2);
}

const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: ICON_SIZE, height: ICON_SIZE }, deviceScaleFactor: 1 });
  // A data: URL keeps the render offline and independent of the page's own origin.
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:${ICON_SIZE}px;height:${ICON_SIZE}px}</style><img alt="">`,
  );
  await page.$eval(
    'img',
    (img, url) =>
      new Promise((done, fail) => {
        img.onload = () => done(undefined);
        img.onerror = () => fail(new Error('the SVG did not render'));
        img.src = url;
      }),
    src,
  );
  await mkdir(dirname(resolve(values.out)), { recursive: true });
  await page.screenshot({
    path: values.out,
    omitBackground: true,
    clip: { x: 0, y: 0, width: ICON_SIZE, height: ICON_SIZE },
  });
  process.stdout.write(`${values.out}: ${ICON_SIZE}x${ICON_SIZE} PNG\n`);
} finally {
  await browser.close();
}

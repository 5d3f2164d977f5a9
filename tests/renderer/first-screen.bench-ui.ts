/**
 * First screen visible after DOMContentLoaded, in the e2e harness (the built renderer in
 * Chromium over the real handlers and keychain), with six saved profiles, three of them with
 * a secondary certificate. Each round reloads the page; the figure is the median, beside the
 * page's first animation frame after DOMContentLoaded (the earliest anything can be seen).
 * The list the first screen waits for is measured alone too: the profiles:list handler (list
 * and keychain probe side by side, secondary flags from profiles.json) against the same two
 * store calls one after the other, as the handler made them before, in the same run, as a
 * ratio. And the renderer's JS size gzipped. Figures only, never an assertion on time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomCredentials } from '../profiles/keychain-env.js';
import { RENDERER_DIR, launchChromium, openApp, type AppSession } from './app-harness.js';
import type { Browser } from 'playwright-core';

const ROUNDS = Math.max(5, Number(process.env['BENCH_ROUNDS'] ?? 15) || 15);

// Runs in the page before its own scripts: marks DOMContentLoaded, the first frame after it,
// and the frame in which the first screen's heading is in the document.
const MARKS = `(() => {
  const marks = { dcl: 0, frame: 0, visible: 0 };
  window.__firstScreen = marks;
  document.addEventListener('DOMContentLoaded', () => {
    marks.dcl = performance.now();
    requestAnimationFrame(() => { marks.frame = performance.now(); });
    const seen = () => {
      if (marks.visible !== 0 || document.getElementById('screen-title') === null) return false;
      requestAnimationFrame(() => { marks.visible = performance.now(); });
      return true;
    };
    if (seen()) return;
    const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
})();`;

interface Marks {
  dcl: number;
  frame: number;
  visible: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const ms = (value: number): string => `${value.toFixed(1)} ms`;

function rendererGzipBytes(): number {
  const assets = join(RENDERER_DIR, 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0);
}

let browser: Browser;
let app: AppSession;

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
  for (let i = 0; i < 6; i += 1) {
    const secondary = i % 2 === 0 ? { secondaryCertificate: randomCredentials().appCertificate } : {};
    await app.profiles.add({ name: `bench-${i}`, ...randomCredentials(), ...secondary });
  }
  await app.context.addInitScript({ content: MARKS });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

it('first screen after DOMContentLoaded, profiles:list, renderer size', async () => {
  const visible: number[] = [];
  const frame: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // A full load every round (a hash change alone would not reload the page).
    await app.page.goto('about:blank');
    await app.page.goto(`${app.site.url}#/generate`);
    await expect
      .poll(() => app.page.evaluate(() => (window as unknown as { __firstScreen: Marks }).__firstScreen.visible))
      .toBeGreaterThan(0);
    const marks = await app.page.evaluate(() => (window as unknown as { __firstScreen: Marks }).__firstScreen);
    visible.push(marks.visible - marks.dcl);
    frame.push(marks.frame - marks.dcl);
  }
  expect(await app.page.locator('#screen-title').textContent()).toBe('Generate');

  const list: number[] = [];
  const listRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = performance.now();
    const answer = await app.handlers['profiles:list'](undefined);
    const handler = performance.now() - start;
    expect(answer.ok && answer.value.profiles.length).toBe(6);
    start = performance.now();
    await app.profiles.list();
    await app.profiles.keychainStatus();
    const sequential = performance.now() - start;
    list.push(handler);
    listRatios.push(handler / sequential);
  }

  const bytes = rendererGzipBytes();
  const lines = [
    `first screen visible after DOMContentLoaded (${ROUNDS} rounds, 6 profiles):`,
    `  median ${ms(median(visible))}  (min ${ms(Math.min(...visible))}, max ${ms(Math.max(...visible))})`,
    `  baseline, first frame after DOMContentLoaded: median ${ms(median(frame))}`,
    `profiles:list handler alone (6 profiles, real keychain): median ${ms(median(list))}`,
    `  ratio to list + keychain probe one after the other: median ${median(listRatios).toFixed(2)}`,
    `renderer JS gzip -9: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB of the 110 KB budget)`,
    `load average (1/5/15 min): ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  ];
  console.log(lines.join('\n'));
});

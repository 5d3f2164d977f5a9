/** Checks the Local server e2e tests share: axe in both themes at both window sizes, and layout. */
import { createServer, type Server } from 'node:net';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations } from './accessibility.js';

export const WINDOW_SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;

/** axe-core finds nothing, and the page never scrolls sideways, in light and dark at 1280×800 and 800×600. */
export async function expectCleanEverywhere(page: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      const where = `${state} (${colorScheme}, ${size.width}×${size.height})`;
      await expectNoAxeViolations(page, where);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(WINDOW_SIZES[0]);
}

/** The words in the request log table that the layout split over two lines. */
export function brokenWords(page: Page): Promise<string[]> {
  return page.getByLabel('Request log').evaluate((section) => {
    const broken: string[] = [];
    for (const cell of section.querySelectorAll('td, th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/[^\s/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.bottom)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

/** A port something else is listening on, for the "port in use" cases. */
export async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

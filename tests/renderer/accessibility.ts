/**
 * axe-core over the page as it is now (DESIGN.md §3: every screen state, both themes, 0
 * violations). A failure lists each rule with the elements it flagged, so the message alone
 * says what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { headingJumps } from './field-errors.js';

export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} -> ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(found, `axe-core violations in ${state}`).toEqual([]);
}

/** Heading levels that never jump, and axe in light then dark; leaves the page light. */
export async function expectAccessibleInBothThemes(page: Page, state: string): Promise<void> {
  expect(await headingJumps(page), `heading levels in ${state}`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoAxeViolations(page, `${state} (light)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, `${state} (dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * axe-core over the page as it is now (DESIGN.md §3: every screen state, both themes, 0
 * violations). A failure lists each rule with the elements it flagged, so the message alone
 * says what to fix.
 *
 * axe-core itself (the engine @axe-core/playwright drives), injected once per document: the
 * AxeBuilder injected its 500 KB source again on every check and opened a blank page for each
 * result, which cost more than the check itself (docs/test-suite-time.md).
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { headingJumps } from './field-errors.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

async function axeViolations(page: Page): Promise<Violation[]> {
  // page.evaluate runs outside the page's CSP, which would (rightly) refuse an injected script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const results = await engine.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((node) => ({ target: [...node.target] })),
    }));
  }, WCAG_TAGS);
}

export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const found = (await axeViolations(page)).map(
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

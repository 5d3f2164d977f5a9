/**
 * Field errors as a screen reader meets them: each invalid input (aria-invalid) and the error
 * text its aria-describedby points to. Field errors are not alerts, so tests read them here.
 */
import type { Locator, Page } from 'playwright-core';

export function fieldErrors(scope: Page | Locator): Promise<string[]> {
  return scope.locator('[aria-invalid="true"]').evaluateAll((inputs) =>
    inputs.map((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id))
        .filter((element) => element?.classList.contains('field-error') === true)
        .map((element) => element?.textContent ?? '')
        .join(' '),
    ),
  );
}

/** The heading levels on the page in document order, and any step down by more than one. */
export async function headingJumps(page: Page): Promise<string[]> {
  const levels = await page
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((headings) => headings.map((h) => `${h.tagName.slice(1)} ${h.textContent ?? ''}`));
  const jumps: string[] = [];
  let previous = 0;
  for (const heading of levels) {
    const level = Number(heading.slice(0, 1));
    if (level > previous + 1) jumps.push(`h${previous} → h${heading}`);
    previous = level;
  }
  return jumps;
}

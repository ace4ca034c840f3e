import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core with the WCAG 2.2 AA tags, on the whole page or on the part `include` selects; lists what it finds. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_22_AA);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  const summary = violations.map(
    (v: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n: { target: unknown[] }) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}


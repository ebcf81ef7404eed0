import { expect, type Page } from '@playwright/test';

/** The full page's demos, in order, from its navigation: once the page has rendered (after its demos' metas load). */
export async function demoIds(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Demos' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  return (await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!.slice(1)))).filter(Boolean);
}

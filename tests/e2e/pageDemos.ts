import { expect, type Locator, type Page } from '@playwright/test';

/** The full page's demos, in order, from its navigation: once the page has rendered (after its demos' metas load). */
export async function demoIds(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Demos' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  return (await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!.slice(1)))).filter(Boolean);
}

/**
 * Shows demos of the full page as a reader would reach them, by scrolling each one into view (a demo mounts as it
 * nears the viewport), and waits until each has mounted. Returns the first one's section.
 * A page opened at a fragment keeps that fragment in view while the demos around it mount, until the reader scrolls
 * by hand (src/main.ts): it may scroll back before the demo is seen near, so a scroll by script is repeated until the
 * demo has mounted.
 */
export async function showDemo(page: Page, ...ids: string[]): Promise<Locator> {
  for (const id of ids) {
    await expect(async () => {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await expect(page.locator(`section[data-demo="${id}"]`)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }
  return page.locator(`section[data-demo="${ids[0]}"]`);
}

/**
 * Mounts every demo of the full page as a reader would, by scrolling to each in turn (their ids from the navigation,
 * which waits until the page has rendered), then goes back to the top.
 */
export async function mountEveryDemo(page: Page): Promise<void> {
  await showDemo(page, ...(await demoIds(page)));
  await page.evaluate(() => scrollTo(0, 0));
}

import { expect, type Page } from '@playwright/test';

/** True once the service worker controls the page and has made it cross-origin isolated; false while it reloads. */
export const isolatedAndControlled = (page: Page) =>
  page.evaluate(() => crossOriginIsolated && navigator.serviceWorker.controller !== null).catch(() => false);

/**
 * Opens a page of the static host, which sends no COOP/COEP: on a first visit the service worker installs and reloads
 * the page once to isolate it. Tests act only on the page after that reload, or the reload destroys what they hold.
 */
export async function openIsolated(page: Page, url: string) {
  await page.goto(url);
  await expect.poll(() => isolatedAndControlled(page), { timeout: 15_000 }).toBe(true);
}

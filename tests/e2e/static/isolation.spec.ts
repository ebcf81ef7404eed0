import { expect, test, type Page } from '@playwright/test';

/** Counts the page's top-level navigations: the first load, plus any reload the service worker asks for. */
function countNavigations(page: Page): () => number {
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  return () => navigations;
}

test('first visit to a host without the headers: the service worker makes the page isolated, with one reload', async ({
  page,
}) => {
  const navigations = countNavigations(page);
  await page.goto('./');
  await expect(page.getByTestId('isolated')).toHaveText(/yes/, { timeout: 15_000 });
  expect(navigations()).toBeLessThanOrEqual(2);
  expect(await page.evaluate(() => [crossOriginIsolated, typeof SharedArrayBuffer])).toEqual([true, 'function']);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/demos/pp/');

  // Later visits are isolated from the start: the service worker answers the first request.
  const before = navigations();
  await page.goto('./');
  await expect(page.getByTestId('isolated')).toHaveText(/yes/);
  await page.waitForTimeout(500);
  expect(navigations() - before).toBe(1);
});

test.describe('without service workers', () => {
  test.use({ serviceWorkers: 'block' });

  test('the page says why it is not isolated, never reloads, and the fetch demo uses its labelled fallback', async ({
    page,
  }) => {
    const navigations = countNavigations(page);
    await page.goto('./?fetch.n=5#fetch');
    await expect(page.getByTestId('isolated')).toHaveText(/no/);
    await expect(page.getByTestId('service-worker-note')).toContainText(/service worker/i);
    await expect(page.getByTestId('fetch-source')).toContainText('Fallback');
    await page.getByRole('button', { name: 'Send requests' }).click();
    await expect(page.getByTestId('fetch-status')).toHaveText('Done.');
    await expect(page.getByTestId('fetch-summary')).toContainText('5 answered, 0 failed');
    await expect(page.getByTestId('fetch-summary')).toContainText('the median request measured');
    expect(navigations()).toBe(1);
  });
});

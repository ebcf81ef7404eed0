import { expect, test, type Page } from '@playwright/test';

/** Embeds for teachers (the compact embed and its height cap), the page's metadata and its print stylesheet. */

/** A quick Speedup sweep: fib(22) × 4 on 1 and 2 workers, once each. */
const QUICK = 'speedup.task=fib&speedup.fib-n=22&speedup.fib-k=4&speedup.workers=1-2&speedup.reps=1';
/** The height the compact Speedup embed stays under after a run: its results scroll inside a capped area. */
const COMPACT_CAP_PX = 900;

/** How many of the elements a selector matches are shown (rendered with a box) now. */
const shown = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => elements.filter((element) => element.checkVisibility()).length);

test('the compact embed shows the lesson, the main fields, Run and the chart only, and stays under its cap', async ({
  page,
}) => {
  await page.setViewportSize({ width: 720, height: 800 });
  await page.goto(`./?embed=speedup&controls=minimal&${QUICK}`);
  const section = page.locator('section[data-demo="speedup"]');
  await expect(page.getByRole('heading', { level: 1, name: 'Speedup' })).toBeVisible();
  await expect(page).toHaveTitle('Speedup — Parallel Playground');
  // innerText: a term's definition (in the DOM for its tooltip, hidden) is not part of the sentence as read.
  await expect(section.locator('.lesson')).toContainText('More workers divide CPU-bound work', { useInnerText: true });

  // The main fields only (fib's n and the worker counts), rendered, not merely hidden: no radio, no checkbox.
  const labels = await section
    .locator('input, select, textarea')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim()));
  expect(labels).toEqual(['n', 'Worker counts']);
  // Glossary terms in the lesson are buttons too (they open a definition): every other button is n's stepper, Run or
  // Cancel.
  const controls = section.locator('button:not([data-term])');
  await expect(controls).toHaveText(['−', '+', 'Run', 'Cancel']);
  await expect(section.getByRole('button', { name: 'Increase n' })).toBeEnabled();
  await expect(section.locator('.python-note, .lead, details')).toHaveCount(0);

  await section.getByRole('button', { name: 'Run' }).click();
  await expect(section.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  const results = section.getByRole('region', { name: 'Speedup results' });
  await expect(results.locator('figure.chart svg')).toBeVisible();
  await expect(results.locator('output')).toContainText('fib(22) = 17,711');
  // The chart, not the table, the Amdahl panel or the export bar; still no button but the stepper, Run and Cancel.
  await expect(section.locator('table, .amdahl, [aria-label="Save the result"]')).toHaveCount(0);
  await expect(controls).toHaveCount(4);
  const height = await page.evaluate(() => document.body.getBoundingClientRect().height);
  expect(height).toBeLessThan(COMPACT_CAP_PX);
});

test('in the full embed the results scroll inside a capped area after a run; the full page keeps its title', async ({
  page,
}) => {
  await page.setViewportSize({ width: 720, height: 800 });
  await page.goto(`./?embed=speedup&${QUICK}`);
  const section = page.locator('section[data-demo="speedup"]');
  await expect(section.getByLabel('Fibonacci batch')).toBeChecked();
  await section.getByRole('button', { name: 'Run' }).click();
  await expect(section.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  const results = section.getByRole('region', { name: 'Speedup results' });
  await expect(results.locator('table')).toBeVisible();
  const box = await results.evaluate((element) => ({
    client: element.clientHeight,
    scroll: element.scrollHeight,
    overflow: getComputedStyle(element).overflowY,
  }));
  expect(box.overflow).toBe('auto');
  // The chart, the table and the Amdahl panel are taller than the cap: they scroll inside it.
  expect(box.scroll).toBeGreaterThan(box.client);
  expect(box.client).toBeLessThanOrEqual(28 * 16 + 1);

  await page.goto('./');
  await expect(page).toHaveTitle('Parallel Playground');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parallel Playground');
});

test('the queues and machines embeds keep their results in a capped region too', async ({ page }) => {
  await page.setViewportSize({ width: 720, height: 800 });
  const capped = (region: ReturnType<Page['getByRole']>) =>
    region.evaluate((element) => ({
      max: getComputedStyle(element).maxHeight,
      overflow: getComputedStyle(element).overflowY,
    }));

  await page.goto('./?embed=queues&queues.items=200');
  const queues = page.locator('section[data-demo="queues"]');
  await queues.getByRole('button', { name: 'Run the queue' }).click();
  await expect(queues.getByTestId('queue-status')).toHaveText('Done.', { timeout: 30_000 });
  const queueResults = queues.getByRole('region', { name: 'Queue results' });
  await expect(queueResults.getByTestId('queue-result')).toBeVisible();
  expect(await capped(queueResults)).toEqual({ max: `${28 * 16}px`, overflow: 'auto' });

  await page.goto('./?embed=machine');
  const machines = page.getByRole('region', { name: 'Machines results' });
  await expect(machines).toBeVisible();
  expect(await capped(machines)).toEqual({ max: `${28 * 16}px`, overflow: 'auto' });
});

test('printing hides the controls and keeps the lessons and results', async ({ page }) => {
  await page.goto(`./?embed=speedup&${QUICK}`);
  const section = page.locator('section[data-demo="speedup"]');
  await section.getByRole('button', { name: 'Run' }).click();
  await expect(section.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['button', 'input', 'form', '.run-controls']) expect(await shown(page, selector)).toBe(0);
  await expect(section.locator('.lesson')).toBeVisible();
  await expect(section.locator('figure.chart svg')).toBeVisible();
  await expect(section.locator('.sweep-table')).toBeVisible();
  // Printed on white, and whole: no scrolling results area.
  const results = section.getByRole('region', { name: 'Speedup results' });
  expect(await results.evaluate((element) => getComputedStyle(element).maxHeight)).toBe('none');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
    'rgb(255, 255, 255)',
  );

  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.goto('./');
  await expect(page.locator('#speedup-heading')).toBeVisible();
  for (const selector of ['nav', '.share', 'button', 'input', 'textarea', 'select'])
    expect(await shown(page, selector), selector).toBe(0);
  // A demo never scrolled to prints its title and lesson, without its "Loading…" line.
  const unread = page.locator('#machine section.placeholder');
  await expect(unread.locator('.lesson')).toBeVisible();
  await expect(unread.locator('.loading')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Demos' })).toBeVisible();
  expect(await shown(page, 'button')).toBeGreaterThan(0);
});

test('the page has a favicon, theme colours, social tags and a web app manifest that resolves', async ({
  page,
  request,
}) => {
  await page.goto('./');
  const head = page.locator('head');
  await expect(head.locator('meta[name="theme-color"]')).toHaveCount(2);
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Parallel Playground');
  await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('noscript')).toHaveCount(1);

  const resolve = async (selector: string, attribute: string) =>
    new URL((await head.locator(selector).getAttribute(attribute))!, page.url()).href;
  const icon = await request.get(await resolve('link[rel="icon"]', 'href'));
  expect(icon.ok()).toBe(true);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  const preview = await request.get(await resolve('meta[property="og:image"]', 'content'));
  expect(preview.ok()).toBe(true);
  expect((await preview.body()).subarray(1, 4).toString()).toBe('PNG');

  const manifestUrl = await resolve('link[rel="manifest"]', 'href');
  const response = await request.get(manifestUrl);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as { name: string; icons: { src: string; sizes: string }[] };
  expect(manifest.name).toBe('Parallel Playground');
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(['any', '192x192', '512x512']);
  for (const { src } of manifest.icons) expect((await request.get(new URL(src, manifestUrl).href)).ok()).toBe(true);

  // All of them are kept by the service worker for offline use: its precache list names each file.
  const serviceWorker = await (await request.get('./sw.js')).text();
  for (const file of ['favicon.svg', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'social-preview.png'])
    expect(serviceWorker, file).toContain(file);
});

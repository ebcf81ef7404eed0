import { expect, test, type Page } from '@playwright/test';
import { expectRefused } from './refusals';

/** Collects long tasks (> 50 ms) on the page's main thread from now on, for the page to report later. */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
});

/** The Speedup section: other demos on the page have their own "n", "Run" and "Cancel". */
const speedup = (page: Page) => page.locator('section.demo[aria-labelledby="speedup-heading"]');

test('shows the environment, cross-origin isolated', async ({ page }) => {
  await expect(page.getByTestId('isolated')).toHaveText(/yes/);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.getByTestId('cores')).toHaveText(String(cores));
});

test('the header lists every demo, each a link to its section', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Demos' });
  await expect(nav.getByRole('link').first()).toBeVisible(); // the page renders once the demos' metas have loaded
  await expect(nav.getByRole('link')).toHaveCount(await page.locator('.demo-slot').count());
  await nav.getByRole('link', { name: 'Scheduling' }).click();
  await expect(page).toHaveURL(/#scheduling$/);
  await expect(page.locator('#scheduling h2').first()).toBeInViewport();
});

test('a fib sweep gives one row per worker count, equal results and a chart, without long tasks', async ({ page }) => {
  const demo = speedup(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await demo.getByLabel('Fibonacci batch').check();
  await demo.getByLabel('n', { exact: true }).fill('27');
  await demo.getByLabel('k (calls)').fill('8');
  await demo.getByLabel('Repetitions').fill('2');
  const longTasks = await watchLongTasks(page);
  await demo.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });

  const rows = demo.locator('.sweep-table tbody tr');
  await expect(rows).toHaveCount(cores);
  for (let p = 1; p <= cores; p++) {
    await expect(demo.locator(`.sweep-table tr[data-workers="${p}"] .result`)).toHaveText(/✓ fib\(27\) = 196,418/);
  }
  await expect(demo.getByText(/All \d+ runs gave the same result/)).toBeVisible();
  await expect(demo.locator('svg .point')).toHaveCount(cores);
  expect((await longTasks()).filter((ms) => ms > 200)).toEqual([]);
});

test('bad input shows a message and keeps Run disabled', async ({ page }) => {
  const demo = speedup(page);
  const run = demo.getByRole('button', { name: 'Run' });
  await demo.getByLabel('Fibonacci batch').check();
  const n = demo.getByLabel('n', { exact: true });
  for (const [value, message] of <const>[
    ['99', 'n must be from 0 to 42'],
    ['', 'n is required'],
    ['-3', 'n cannot be negative'],
    ['ten', 'n must be a number'],
  ]) {
    await expectRefused(demo, n, value, message, run);
  }
  await n.fill('20');
  await expect(run).toBeEnabled();
  await expectRefused(demo, demo.getByLabel('Worker counts'), '0', '0 is not a count', run);
  await demo.getByLabel('Worker counts').fill('1');
  await demo.getByLabel('Sum of squares').check();
  await expectRefused(demo, demo.getByLabel('N', { exact: true }), '5e9', 'N must be from 1 to 4,000,000,000', run);
});

test('Cancel returns to idle at once, and the next run works', async ({ page }) => {
  const demo = speedup(page);
  await demo.getByLabel('Fibonacci batch').check();
  await demo.getByLabel('n', { exact: true }).fill('38');
  await demo.getByLabel('k (calls)').fill('8');
  await demo.getByRole('button', { name: 'Run' }).click();
  await expect(demo.getByRole('progressbar')).toBeVisible();
  await demo.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/Cancelled/, { timeout: 1000 });
  await expect(demo.getByRole('progressbar')).toBeHidden();
  await expect(demo.getByRole('button', { name: 'Run' })).toBeEnabled();

  await demo.getByLabel('n', { exact: true }).fill('20');
  await demo.getByLabel('Repetitions').fill('1');
  await demo.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(demo.locator('.sweep-table tr[data-workers="1"] .result')).toHaveText(/✓ fib\(20\) = 6,765/);
});

test('settings live in the URL: a link restores them, and a bad value falls back with a notice', async ({ page }) => {
  const demo = speedup(page);
  await demo.getByLabel('Sum of squares').check();
  await demo.getByLabel('N', { exact: true }).fill('2e9');
  await demo.getByLabel('Repetitions').fill('5');
  await expect(page).toHaveURL(/speedup\.reps=5/);
  const link = page.url();
  expect(link).toContain('speedup.task=sum');

  await page.goto(link);
  await expect(demo.getByLabel('Sum of squares')).toBeChecked();
  await expect(demo.getByLabel('N', { exact: true })).toHaveValue('2e9');
  await expect(demo.getByLabel('Repetitions')).toHaveValue('5');

  await page.goto('./?speedup.task=%3Cscript%3Ealert(1)%3C/script%3E&speedup.reps=-1');
  await expect(demo.getByLabel('Fibonacci batch')).toBeChecked();
  await expect(demo.getByLabel('Repetitions')).toHaveValue('3');
  await expect(page.getByRole('alert', { name: 'Settings from the link' })).toContainText('speedup task');
  expect(await page.locator('script').count()).toBe(1);
});

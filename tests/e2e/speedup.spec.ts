import { expect, test, type Page } from '@playwright/test';

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

test('shows the environment, cross-origin isolated', async ({ page }) => {
  await expect(page.getByTestId('isolated')).toHaveText(/yes/);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.getByTestId('cores')).toHaveText(String(cores));
});

test('a fib sweep gives one row per worker count, equal results and a chart, without long tasks', async ({ page }) => {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.getByLabel('Fibonacci batch').check();
  await page.getByLabel('n', { exact: true }).fill('27');
  await page.getByLabel('k (calls)').fill('8');
  await page.getByLabel('Repetitions').fill('2');
  const longTasks = await watchLongTasks(page);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });

  const rows = page.locator('.sweep-table tbody tr');
  await expect(rows).toHaveCount(cores);
  for (let p = 1; p <= cores; p++) {
    await expect(page.locator(`.sweep-table tr[data-workers="${p}"] .result`)).toHaveText(/✓ fib\(27\) = 196,418/);
  }
  await expect(page.getByText(/All \d+ runs gave the same result/)).toBeVisible();
  await expect(page.locator('svg .point')).toHaveCount(cores);
  expect((await longTasks()).filter((ms) => ms > 200)).toEqual([]);
});

test('bad input shows a message and keeps Run disabled', async ({ page }) => {
  const run = page.getByRole('button', { name: 'Run' });
  await page.getByLabel('Fibonacci batch').check();
  const n = page.getByLabel('n', { exact: true });
  for (const [value, message] of <const>[
    ['99', 'n must be from 0 to 42'],
    ['', 'n is required'],
    ['-3', 'n cannot be negative'],
    ['ten', 'n must be a number'],
  ]) {
    await n.fill(value);
    await expect(page.getByText(message)).toBeVisible();
    await expect(run).toBeDisabled();
  }
  await n.fill('20');
  await expect(run).toBeEnabled();
  await page.getByLabel('Worker counts').fill('0');
  await expect(page.getByText('0 is not a count')).toBeVisible();
  await expect(run).toBeDisabled();
  await page.getByLabel('Worker counts').fill('1');
  await page.getByLabel('Sum of squares').check();
  await page.getByLabel('N', { exact: true }).fill('5e9');
  await expect(page.getByText('N must be from 1 to 4,000,000,000')).toBeVisible();
  await expect(run).toBeDisabled();
});

test('Cancel returns to idle at once, and the next run works', async ({ page }) => {
  await page.getByLabel('Fibonacci batch').check();
  await page.getByLabel('n', { exact: true }).fill('38');
  await page.getByLabel('k (calls)').fill('8');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  // Other demos on the page have a Cancel button too.
  await page.locator('section[aria-labelledby="speedup-heading"]').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/Cancelled/, { timeout: 1000 });
  await expect(page.getByRole('progressbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();

  await page.getByLabel('n', { exact: true }).fill('20');
  await page.getByLabel('Repetitions').fill('1');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(page.locator('.sweep-table tr[data-workers="1"] .result')).toHaveText(/✓ fib\(20\) = 6,765/);
});

test('settings live in the URL: a link restores them, and a bad value falls back with a notice', async ({ page }) => {
  await page.getByLabel('Sum of squares').check();
  await page.getByLabel('N', { exact: true }).fill('2e9');
  await page.getByLabel('Repetitions').fill('5');
  await expect(page).toHaveURL(/speedup\.reps=5/);
  const link = page.url();
  expect(link).toContain('speedup.task=sum');

  await page.goto(link);
  await expect(page.getByLabel('Sum of squares')).toBeChecked();
  await expect(page.getByLabel('N', { exact: true })).toHaveValue('2e9');
  await expect(page.getByLabel('Repetitions')).toHaveValue('5');

  await page.goto('./?speedup.task=%3Cscript%3Ealert(1)%3C/script%3E&speedup.reps=-1');
  await expect(page.getByLabel('Fibonacci batch')).toBeChecked();
  await expect(page.getByLabel('Repetitions')).toHaveValue('3');
  await expect(page.getByRole('alert', { name: 'Settings from the link' })).toContainText('speedup task');
  expect(await page.locator('script').count()).toBe(1);
});

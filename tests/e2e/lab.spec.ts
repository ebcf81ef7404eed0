import { expect, test } from '@playwright/test';
import { showDemo } from './pageDemos';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
});

test('lost updates: every way counts and reports, the exact ones lose nothing', async ({ page }) => {
  const races = await showDemo(page, 'races');
  await races.getByLabel('Workers (k)').fill('2');
  await races.getByRole('textbox', { name: 'Increments per worker (M)' }).fill('200000');
  await races.getByRole('button', { name: 'Count' }).click();
  await expect(page.getByTestId('races-status')).toHaveText('Done.', { timeout: 30_000 });
  const rows = races.locator('.races-table tbody tr');
  await expect(rows).toHaveCount(6);
  for (const way of ['atomic', 'lock', 'private', 'adjacent', 'padded']) {
    await expect(races.locator(`tr[data-way="${way}"] .actual`)).toHaveText('400,000');
    await expect(races.locator(`tr[data-way="${way}"] .lost`)).toHaveText('0');
  }
  const actual = Number((await races.locator('tr[data-way="plain"] .actual').innerText()).replaceAll(',', ''));
  const lost = Number((await races.locator('tr[data-way="plain"] .lost').innerText()).replaceAll(',', ''));
  expect(actual + lost).toBe(400_000);
  await expect(page.getByTestId('races-summary')).toBeVisible();
  await expect(page.getByTestId('false-sharing')).toBeVisible();
});

test('lost updates: bad counts show a message and keep Count disabled', async ({ page }) => {
  const races = await showDemo(page, 'races');
  const count = races.getByRole('button', { name: 'Count' });
  await races.getByRole('textbox', { name: 'Increments per worker (M)' }).fill('0');
  await expect(races.getByText('M must be from 1 to 10,000,000')).toBeVisible();
  await expect(count).toBeDisabled();
  await races.getByRole('textbox', { name: 'Increments per worker (M)' }).fill('1000');
  await races.getByLabel('Workers (k)').fill('99');
  await expect(races.getByText(/Workers must be from 1 to \d+/)).toBeVisible();
  await expect(count).toBeDisabled();
});

test('async is not parallel: three ways timed, the same values', async ({ page }) => {
  const demo = await showDemo(page, 'async');
  await demo.getByLabel('n', { exact: true }).fill('26');
  await demo.getByRole('textbox', { name: 'Calls' }).fill('4');
  await demo.getByRole('button', { name: 'Run the batch' }).click();
  await expect(page.getByTestId('async-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(demo.locator('.async-table tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('async-summary')).toContainText('The promises took');
  await expect(page.getByTestId('async-summary')).not.toContainText('different values');
});

test('the frozen page: a long frame on the main thread, none above 100 ms with workers', async ({ page }) => {
  const demo = await showDemo(page, 'frozen');
  await demo.getByLabel('n', { exact: true }).fill('32');
  await demo.getByRole('textbox', { name: 'Calls' }).fill('8');
  await demo.getByRole('button', { name: /^Compute on the main thread/ }).click(); // not the term “main thread”
  await expect(page.getByTestId('frozen-status')).toHaveText('Done.', { timeout: 30_000 });
  const mainLongest = Number(await demo.locator('tr[data-where="main"] .longest').getAttribute('data-ms'));
  expect(mainLongest).toBeGreaterThan(100);
  expect(Number(await demo.locator('tr[data-where="main"] .dropped').innerText())).toBeGreaterThan(0);

  await demo.getByRole('button', { name: 'Compute in workers' }).click();
  await expect(page.getByTestId('frozen-status')).toHaveText('Done.', { timeout: 30_000 });
  const workerLongest = Number(await demo.locator('tr[data-where="workers"] .longest').getAttribute('data-ms'));
  expect(workerLongest).toBeGreaterThan(0);
  // The page keeps drawing: its longest frame stays far from the frozen one. Generous, for a busy test machine.
  expect(workerLongest).toBeLessThanOrEqual(Math.min(250, mainLongest / 2));
});

test('what a message costs: spawn, round trips, payloads and granularity all show their numbers', async ({ page }) => {
  const demo = await showDemo(page, 'messages');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);

  await demo.getByRole('button', { name: 'Time the spawn' }).click();
  await expect(page.getByTestId('spawn-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(demo.locator('.spawn-table tbody tr')).toHaveCount(new Set([1, 2, cores]).size);

  await demo.getByRole('button', { name: 'Time round trips' }).click();
  await expect(page.getByTestId('roundtrip-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(demo.locator('.roundtrip-table tbody tr')).toHaveCount(3);
  await expect(demo.locator('.roundtrip-table tr[data-way="pool"] td').first()).toHaveText(/µs|ms/);

  await demo.getByLabel('Largest payload').selectOption('1');
  await expect(page).toHaveURL(/messages\.payloadMb=1/);
  await demo.getByRole('button', { name: 'Sweep payloads' }).click();
  await expect(page.getByTestId('payload-status')).toHaveText('Done.', { timeout: 30_000 });
  const sizes = demo.locator('.payload-table tbody tr');
  await expect(sizes).toHaveCount(6); // 1 KB, 4 KB, … 1 MB
  await expect(demo.locator('.payload-table td[data-mode="transfer"]').first()).toHaveText(/\d/);
  await expect(demo.locator('.payload-table tbody')).not.toContainText('✗');
  await expect(demo.locator('#payload-chart-title')).toBeAttached();

  await demo.getByRole('textbox', { name: 'N (total work)' }).fill('2e6');
  await demo.getByRole('textbox', { name: 'Most chunks' }).fill('64');
  await demo.getByRole('button', { name: 'Sweep chunk sizes' }).click();
  await expect(page.getByTestId('granularity-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(demo.locator('.granularity-table tbody tr')).toHaveCount(4); // 1, 4, 16, 64
  await expect(demo.locator('.granularity-table')).not.toContainText('differs');
});

test('honest environment: the clock measured, and where the speedup stops', async ({ page }) => {
  const demo = await showDemo(page, 'machine');
  await expect(page.getByTestId('timer-resolution')).toHaveText(/smallest step .*(µs|ms)/);
  await expect(page.getByTestId('machine-isolated')).toHaveText(/yes/);
  await demo.getByRole('button', { name: 'Find where the speedup stops growing' }).click();
  await expect(page.getByTestId('machine-status')).toHaveText('Done.', { timeout: 40_000 });
  await expect(page.getByTestId('plateau')).toHaveText(/stops growing at \d+ workers?/);
});

test('Python side by side: the comparison table and a note for every demo', async ({ page }) => {
  const demo = await showDemo(page, 'python');
  await expect(demo.locator('table.comparison tbody tr')).toHaveCount(3);
  for (const id of ['speedup', 'races', 'async', 'frozen', 'messages', 'machine']) {
    await expect(demo.locator(`.python-note[data-demo="${id}"]`)).toHaveCount(1);
  }
  const note = (await showDemo(page, 'races')).locator('.python-note');
  await note.getByText('In Python').click();
  await expect(note.locator('pre')).toContainText('threading.Lock()');
});

test.describe('without cross-origin isolation', () => {
  // The playground's service worker would add the headers back (that is its job on hosts that cannot send them).
  test.use({ serviceWorkers: 'block' });

  test('shared-memory experiments say why and stay off', async ({ page }) => {
    // Serve the same app without the two isolation headers.
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
    await page.goto('./');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const races = await showDemo(page, 'races');
    await expect(races.getByText('This experiment needs shared memory')).toBeVisible();
    await expect(races.getByRole('button', { name: 'Count' })).toBeDisabled();
    const messages = await showDemo(page, 'messages');
    await expect(messages.getByText('Shared memory is left out')).toBeVisible();
    // A route handler still fetching when the test ends would fail the next test in this worker.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});

import { expect, test, type Page } from '@playwright/test';
import { openIsolated } from './firstVisit.ts';
import { expectRefused } from '../refusals.ts';

/** Opens the page with these fetch settings, once the service worker answers the latency endpoint. */
async function open(page: Page, settings: string) {
  await openIsolated(page, `./?${settings}#fetch`);
  await expect(page.getByTestId('fetch-source')).toContainText('api/delay', { timeout: 15_000 });
}

async function send(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Send requests' }).click();
  await expect(page.getByTestId('fetch-status')).toHaveText('Done.', { timeout: 20_000 });
  return Number((await page.getByTestId('fetch-total').textContent())!.replace(/,/g, ''));
}

// Generous bounds: they catch a strategy that does not overlap its waits (or overlaps too much), not a slow machine.
test('N = 20, delay 200 ms: one after another ≈ 4 s, all at once < 1 s, 5 at a time ≈ 0.8 s', async ({ page }) => {
  await open(page, 'fetch.n=20&fetch.delay=200&fetch.strategy=sequential');
  const sequential = await send(page);
  expect(sequential).toBeGreaterThanOrEqual(3900);
  expect(sequential).toBeLessThan(8000);
  await expect(page.getByTestId('fetch-ideal')).toHaveText('4,000');

  await page.getByLabel('All at once').check();
  const all = await send(page);
  expect(all).toBeGreaterThanOrEqual(190);
  expect(all).toBeLessThan(1000);
  await expect(page.getByTestId('fetch-ideal')).toHaveText('200');

  await page.getByLabel('At most k at a time').check();
  await page.getByLabel('k (at a time)').fill('5');
  const limited = await send(page);
  expect(limited).toBeGreaterThanOrEqual(780);
  expect(limited).toBeLessThan(2000);
  await expect(page.getByTestId('fetch-ideal')).toHaveText('800');

  await expect(page.locator('.runs-table tbody tr')).toHaveCount(3);
  await expect(page.locator('.request-table tbody tr[data-status="ok"]')).toHaveCount(20);
  await expect(page.locator('.timeline rect.bar')).toHaveCount(20);
});

test('Cancel aborts every outstanding request at once and leaves nothing pending', async ({ page }) => {
  await open(page, 'fetch.n=20&fetch.delay=5000&fetch.strategy=limited&fetch.k=5');
  await page.getByRole('button', { name: 'Send requests' }).click();
  await expect(page.getByTestId('fetch-status')).toContainText('5 in flight');
  const clicked = Date.now();
  await page.getByRole('region', { name: 'Async fetch' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('fetch-status')).toHaveText('Cancelled: 20 outstanding requests aborted.');
  expect(Date.now() - clicked).toBeLessThan(2000);
  await expect(page.getByTestId('fetch-summary')).toContainText('0 answered, 0 failed, 0 timed out, 20 cancelled');
  await expect(page.locator('.request-table tbody tr[data-status="cancelled"]')).toHaveCount(20);
  await expect(page.locator('.request-table .detail', { hasText: 'aborted by Cancel' })).toHaveCount(5);
  await expect(page.locator('.request-table .detail', { hasText: 'never started' })).toHaveCount(15);
  await expect(page.getByRole('button', { name: 'Send requests' })).toBeEnabled();
});

test('failures and timeouts are listed and counted, and a seed repeats them', async ({ page }) => {
  await open(page, 'fetch.n=20&fetch.delay=50&fetch.fail=30&fetch.seed=4');
  await send(page);
  const failures = page.getByTestId('fetch-failures').locator('li');
  const failed = await failures.count();
  expect(failed).toBeGreaterThan(0);
  expect(failed).toBeLessThan(20);
  await expect(failures.first()).toContainText('HTTP 503');
  await expect(page.getByTestId('fetch-summary')).toContainText(`${20 - failed} answered, ${failed} failed`);
  await expect(page.locator('.timeline rect.bar.failed')).toHaveCount(failed);
  const firstRun = await failures.allTextContents();
  await send(page);
  expect(await failures.allTextContents()).toEqual(firstRun);

  await page.getByLabel('Delay ms (L)').fill('1000');
  await page.getByLabel('Failure rate %').fill('0');
  await page.getByLabel('Timeout ms').fill('300');
  await page.getByLabel('Requests (N)').fill('3');
  await send(page);
  await expect(failures).toHaveText(Array(3).fill(/timed out: no answer after 300 ms/));
  await expect(page.getByTestId('fetch-summary')).toContainText('0 answered, 0 failed, 3 timed out');
});

test('a URL on another origin without CORS fails per request, and is reported as such', async ({ page }) => {
  // A public host whose answers the page cannot read (as without CORS, or the network failing).
  await page.context().route('https://no-cors.example/**', (route) => route.abort('failed'));
  await open(page, 'fetch.n=3');
  const other = 'https://no-cors.example/fetch-sample.txt';
  await page.getByLabel('Your own URL').check();
  await page.getByLabel('URL', { exact: true }).fill(other);
  await send(page);
  await expect(page.getByTestId('fetch-failures').locator('li')).toHaveText(Array(3).fill(/network or CORS failure/));
});

test('bad input gives inline messages and keeps Send disabled', async ({ page }) => {
  await open(page, '');
  const send = page.getByRole('button', { name: 'Send requests' });
  for (const [label, value, message] of [
    ['Requests (N)', '0', 'Requests (N) must be from 1 to 500'],
    ['Requests (N)', 'many', 'Requests (N) must be a number'],
    ['Delay ms (L)', '-5', 'Delay cannot be negative'],
    ['Timeout ms', '', 'Timeout is required'],
  ]) {
    await expectRefused(page, page.getByLabel(label!, { exact: true }), value!, message!, send, { restore: true });
  }
  await page.getByLabel('At most k at a time').check();
  await expectRefused(page, page.getByLabel('k (at a time)'), '0', 'k must be from 1 to 500', send);
  await page.getByLabel('k (at a time)').fill('4');
  await page.getByLabel('Your own URL').check();
  await expect(page.getByText('Enter an address')).toBeVisible();
  for (const [value, message] of [
    ['javascript:alert(1)', 'not javascript:'],
    ['example.com', 'not a complete address'],
  ]) {
    await expectRefused(page, page.getByLabel('URL', { exact: true }), value!, message!, send);
  }
});

import { expect, test } from '@playwright/test';

/** A learner's path: lessons sized to this machine. */

test('a default Speedup run takes about a second on one worker here, as the page says', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  const demo = page.locator('section[data-demo="speedup"]');
  // The probe sizes the fib batch and says what it chose, in words.
  const sizing = demo.getByTestId('speedup-sizing');
  await expect(sizing).toHaveText(
    /^Sized for this machine by a quick probe: fib\(\d+\) × \d+, about [\d.]+ (s|ms) on one worker here\.$/,
    {
      timeout: 10_000,
    },
  );
  const [, n, k] = /fib\((\d+)\) × (\d+)/.exec(await sizing.innerText())!;
  await expect(demo.getByLabel('n', { exact: true })).toHaveValue(n!);
  await expect(demo.getByLabel('k (calls)')).toHaveValue(k!);
  // The calibrated values are the defaults: the address stays clean and Reset has nothing to do.
  expect(page.url()).not.toContain('speedup.fib');
  await expect(demo.getByRole('button', { name: 'Reset to defaults' })).toBeDisabled();

  await demo.getByRole('button', { name: 'Run' }).click();
  await expect(demo.getByTestId('run-status')).toHaveText('Done.', { timeout: 90_000 });
  const oneWorker = demo.locator('.sweep-table tr[data-workers="1"] td').first();
  const text = await oneWorker.innerText();
  const ms = Number(text); // the median, in ms
  console.info(`default Speedup: fib(${n}) × ${k}, one worker ${text}`);
  // Generous: the probe and the run share a machine that other work may slow at either moment.
  expect(ms).toBeGreaterThan(250);
  expect(ms).toBeLessThan(3000);
});

test('a link’s own fib parameters win over the calibration', async ({ page }) => {
  await page.goto('./?speedup.fib-n=25&speedup.fib-k=8');
  const demo = page.locator('section[data-demo="speedup"]');
  await expect(demo.getByTestId('speedup-sizing')).toHaveText(
    /^Set to fib\(25\) × 8, about .* on one worker here; the probe’s choice/,
    {
      timeout: 10_000,
    },
  );
  await expect(demo.getByLabel('n', { exact: true })).toHaveValue('25');
  await expect(demo.getByLabel('k (calls)')).toHaveValue('8');
  // Reset goes to this machine's sizing.
  await demo.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(demo.getByTestId('speedup-sizing')).toHaveText(/^Sized for this machine/);
});

test('the frozen page is sized to block for about two seconds', async ({ page }) => {
  await page.goto('./');
  const demo = page.locator('section[data-demo="frozen"]');
  await expect(demo.getByTestId('frozen-sizing')).toHaveText(
    /fib\(\d+\) × \d+, about [\d.]+ s on the main thread here/,
    {
      timeout: 10_000,
    },
  );
});

test('the start-here links land on their demos, in order', async ({ page }) => {
  await page.goto('./');
  const path = page.getByRole('region', { name: 'Start here' });
  const links = path.getByRole('listitem').getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(4);
  expect(count).toBeLessThanOrEqual(6);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const title = await link.innerText();
    const id = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    const heading = page.locator(`section[data-demo="${id}"]`).getByRole('heading', { name: title, level: 2 });
    await expect(heading).toBeInViewport();
    await page.evaluate(() => scrollTo(0, 0));
  }
});

import { expect, test } from '@playwright/test';
import { showDemo } from './pageDemos';

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
  await page.goto('./#frozen');
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
  // The page renders once its demos' metas have loaded (their own chunks), which may be just after the load event.
  await expect(links.first()).toBeVisible();
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

test('a guess typed before a run shows beside the measurement; no guess is needed to run', async ({ page }) => {
  test.setTimeout(60_000);
  // Small work, so the run is short: the guess is the point here, not the speedup.
  await page.goto('./?speedup.fib-n=22&speedup.fib-k=4&speedup.workers=1-2&speedup.reps=1&fetch.n=3');
  const speedup = page.locator('section[data-demo="speedup"]');
  const guess = speedup.getByLabel(/Predict first/);
  await expect(guess).toHaveAccessibleName(/How many times faster will 2 workers be than 1\?/);
  await guess.fill('fast');
  await expect(speedup.getByText('Type a number of times faster')).toBeVisible();
  await expect(speedup.getByRole('button', { name: 'Run' })).toBeEnabled(); // a bad guess never blocks a run
  await guess.fill('1.5');
  await speedup.getByRole('button', { name: 'Run' }).click();
  await expect(speedup.getByTestId('run-status')).toHaveText('Done.', { timeout: 45_000 });
  // The measurement as the table writes it ("1.62×", or "1.28× slower" on a busy machine), beside the guess.
  const measured = await speedup.locator('.sweep-table tr[data-workers="2"] td').nth(2).innerText();
  const escaped = measured.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(speedup.getByTestId('guess-outcome')).toHaveText(
    new RegExp(`^You guessed 1\\.50×, measured ${escaped} with 2 workers \\(.+\\)\\.$`),
  );

  // Async fetch: a total time, and a run without any guess shows none.
  const fetch = await showDemo(page, 'fetch');
  await fetch.getByLabel(/Predict first/).fill('2 s');
  await fetch.getByRole('button', { name: 'Send requests' }).click();
  await expect(fetch.getByTestId('guess-outcome')).toHaveText(
    /^You guessed 2\.00 s, measured [\d.,]+ (ms|s) all at once \(.+\)\.$/,
    { timeout: 30_000 },
  );
  await fetch.getByLabel(/Predict first/).fill('');
  await fetch.getByRole('button', { name: 'Send requests' }).click();
  await expect(fetch.locator('.runs-table tbody tr')).toHaveCount(2, { timeout: 30_000 });
  await expect(fetch.getByTestId('fetch-summary')).toBeVisible();
  await expect(fetch.getByTestId('guess-outcome')).toHaveCount(0);
});

test('a term’s definition shows on focus and on hover, and Escape closes it', async ({ page }) => {
  await page.goto('./');
  const lesson = page.locator('section[data-demo="speedup"] .lesson');
  const term = lesson.getByRole('button', { name: 'Amdahl’s law' });
  const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
  await expect(tip).toBeHidden();
  await term.focus();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('serial part sets a ceiling');
  await expect(term).toHaveAccessibleDescription(/Amdahl’s law: If a fraction f of the work/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await term.blur();
  await term.hover();
  await expect(tip).toBeVisible();
  // Every term has its entry in the Glossary section, linked from the navigation.
  await page.getByRole('navigation', { name: 'Page' }).getByRole('link', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { name: 'Glossary', level: 2 })).toBeInViewport();
  await expect(page.locator('#glossary dt', { hasText: 'Amdahl’s law' })).toBeVisible();
});

test('the navigation stays in view while scrolling, and its links land on their sections uncovered', async ({
  page,
}) => {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto('./');
    const nav = page.getByTestId('page-nav');
    await expect(nav).toBeVisible(); // rendered (see above), so that the page has its height
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(500);
    await expect(nav).toBeInViewport();
    const navBox = (await nav.boundingBox())!;
    expect(navBox.y).toBeLessThanOrEqual(1);
    // Compact: one row, never a third of the screen.
    expect(navBox.height).toBeLessThan(70);

    const link = page.getByRole('navigation', { name: 'Demos' }).getByRole('link', { name: 'Lost updates' });
    await link.click();
    await expect(page).toHaveURL(/#races$/);
    const heading = page.locator('#races-heading');
    await expect(heading).toBeInViewport();
    // The demo may still be arriving (its placeholder's heading gives way to the view's): poll until it stands.
    await expect
      .poll(async () => (await heading.boundingBox())?.y ?? Number.NEGATIVE_INFINITY)
      .toBeGreaterThanOrEqual(navBox.height - 1);
    await expect(link).toHaveAttribute('aria-current', 'location');

    await page.getByRole('navigation', { name: 'Page' }).getByRole('link', { name: 'Back to top' }).click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  }
});

test('“More settings” hides the rarely changed fields until opened', async ({ page }) => {
  await page.goto('./#scheduling');
  const scheduling = page.locator('section[data-demo="scheduling"]');
  const more = scheduling.getByTestId('more-settings');
  await expect(scheduling.getByLabel('Width (px)')).toBeVisible();
  await expect(scheduling.getByLabel('Real from')).toBeHidden();
  await more.getByText('More settings', { exact: true }).click();
  await expect(scheduling.getByLabel('Real from')).toBeVisible();
  await scheduling.getByLabel('Real from').fill('-2');
  await more.getByText('More settings').click();
  await expect(scheduling.getByLabel('Real from')).toBeHidden();
  await expect(more.locator('summary')).toHaveText('More settings (1 changed)');
});

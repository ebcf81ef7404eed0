import { expect, test } from '@playwright/test';
import { openIsolated } from './firstVisit.ts';
import { showDemo } from '../pageDemos.ts';

test('a page on another origin embeds the speedup demo: it runs, sizes its iframe, and says why shared memory is off', async ({
  page,
  baseURL,
}) => {
  const app = new URL(baseURL!);
  // The parent is served from 127.0.0.1, the embed from localhost: two origins, and the parent is not isolated.
  await page.goto(`http://127.0.0.1:${app.port}/parent.html?demo=speedup`);
  const embed = page.frameLocator('#embed');
  await expect(embed.getByRole('heading', { name: 'Speedup' })).toBeVisible({ timeout: 15_000 });
  await expect(embed.getByRole('heading', { name: 'Parallel Playground' })).toHaveCount(0);
  await expect(embed.getByRole('heading', { name: 'Async fetch' })).toHaveCount(0);
  await expect(embed.getByTestId('shared-memory-note')).toContainText(
    'a frame is cross-origin isolated only when the page around it is too',
  );
  await expect(embed.getByTestId('shared-memory-note').getByRole('link')).toHaveAttribute(
    'href',
    `${app.origin}${app.pathname}#speedup`,
  );

  await embed.getByLabel('Fibonacci batch').check();
  await embed.getByLabel('n', { exact: true }).fill('22');
  await embed.getByLabel('k (calls)').fill('4');
  await embed.getByLabel('Worker counts').fill('1-2');
  await embed.getByLabel('Repetitions').fill('1');
  await embed.getByRole('button', { name: 'Run' }).click();
  await expect(embed.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(embed.locator('.sweep-table tr[data-workers="2"] .result')).toHaveText(/✓ fib\(22\) = 17,711/);

  // The table appeared, so the embed grew and told its parent; the parent sized the iframe to the last height.
  const heights = await page.evaluate(
    () => (window as unknown as { heights: { origin: string; demo: string; height: number }[] }).heights,
  );
  expect(heights.length).toBeGreaterThanOrEqual(2);
  expect(heights.every((h) => h.origin === app.origin && h.demo === 'speedup')).toBe(true);
  const last = heights.at(-1)!.height;
  expect(last).toBeGreaterThan(heights[0]!.height);
  const frameHeight = await page.locator('#embed').evaluate((frame) => frame.getBoundingClientRect().height);
  expect(frameHeight).toBe(last);
  const content = await embed.locator('body').evaluate((body) => body.getBoundingClientRect().height);
  expect(Math.abs(content - last)).toBeLessThanOrEqual(1);
});

test('an embed follows a theme parameter, and refuses an unknown demo with a notice', async ({ page }) => {
  await openIsolated(page, './?embed=fetch&theme=dark');
  await expect(page.getByRole('heading', { name: 'Async fetch' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Speedup' })).toHaveCount(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  await expect(page.getByRole('link', { name: /Open “Async fetch” in the full Parallel Playground/ })).toBeVisible();

  await page.goto('./?embed=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&theme=light');
  await expect(page.getByRole('heading', { name: 'Parallel Playground' })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Settings from the link' })).toContainText(
    'The link asks to embed a demo that does not exist ("<img src=x onerror=alert(1)>")',
  );
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
});

test.describe('sharing', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  // Several demos have fields with the same label (n, Seed…): each lookup is scoped to its demo's section.
  test('Copy link gives a link with every setting, and opening it restores them all', async ({ page, context }) => {
    await openIsolated(page, './');
    await page.locator('#speedup').getByLabel('Sum of squares').check();
    await page.locator('#speedup').getByLabel('N', { exact: true }).fill('3e8');
    await page.locator('#speedup').getByLabel('Fibonacci batch').check();
    await page.locator('#speedup').getByLabel('n', { exact: true }).fill('25');
    await page.locator('#speedup').getByLabel('k (calls)').fill('12');
    await page.locator('#speedup').getByLabel('Worker counts').fill('1, 2');
    await page.locator('#speedup').getByLabel('Repetitions').fill('4');
    await page
      .locator('#speedup')
      .getByLabel(/Allow up to/)
      .check();
    await page
      .locator('#speedup')
      .getByLabel(/Also run on the main thread/)
      .check();
    const fetchValues: [string, string][] = [
      ['Requests (N)', '33'],
      ['Delay ms (L)', '150'],
      ['Jitter ms', '20'],
      ['Payload bytes', '2048'],
      ['Failure rate %', '10'],
      ['Seed', '99'],
      ['Timeout ms', '900'],
    ];
    await showDemo(page, 'fetch');
    await page.locator('#fetch').getByLabel('At most k at a time').check();
    await page.locator('#fetch').getByLabel('k (at a time)').fill('7');
    await page.locator('#fetch').getByText('More settings').click(); // jitter, payload and seed
    for (const [label, value] of fetchValues)
      await page.locator('#fetch').getByLabel(label, { exact: true }).fill(value);

    await page.getByRole('group', { name: 'Share Async fetch' }).getByRole('button', { name: 'Copy link' }).click();
    const link = await page.getByTestId('copied-link').inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const fresh = await context.newPage();
    await fresh.goto(link);
    await showDemo(fresh, 'speedup');
    await expect(fresh.locator('#speedup').getByLabel('Fibonacci batch')).toBeChecked();
    await expect(fresh.locator('#speedup').getByLabel('n', { exact: true })).toHaveValue('25');
    await expect(fresh.locator('#speedup').getByLabel('k (calls)')).toHaveValue('12');
    await expect(fresh.locator('#speedup').getByLabel('Worker counts')).toHaveValue('1, 2');
    await expect(fresh.locator('#speedup').getByLabel('Repetitions')).toHaveValue('4');
    await expect(fresh.locator('#speedup').getByLabel(/Allow up to/)).toBeChecked();
    await expect(fresh.locator('#speedup').getByLabel(/Also run on the main thread/)).toBeChecked();
    await fresh.locator('#speedup').getByLabel('Sum of squares').check();
    await expect(fresh.locator('#speedup').getByLabel('N', { exact: true })).toHaveValue('3e8');
    await showDemo(fresh, 'fetch');
    await expect(fresh.locator('#fetch').getByLabel('At most k at a time')).toBeChecked();
    await expect(fresh.locator('#fetch').getByLabel('k (at a time)')).toHaveValue('7');
    for (const [label, value] of fetchValues)
      await expect(fresh.locator('#fetch').getByLabel(label, { exact: true })).toHaveValue(value);
    await expect(fresh.getByRole('alert', { name: 'Settings from the link' })).toHaveCount(0);
  });

  test('Copy embed code gives an iframe snippet of that demo alone, with its settings, and the sizing script', async ({
    page,
  }) => {
    await openIsolated(page, './?fetch.n=12&speedup.reps=2#fetch');
    await page
      .getByRole('group', { name: 'Share Async fetch' })
      .getByRole('button', { name: 'Copy embed code', exact: true })
      .click();
    const snippet = await page.getByTestId('copied-embed').inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    const [iframe, ...script] = snippet.split('\n');
    expect(iframe).toMatch(
      /^<iframe src="http:\/\/localhost:\d+\/demos\/pp\/\?embed=fetch&amp;fetch\.n=12" title="Parallel Playground: Async fetch" width="100%" height="\d+" style="border: 0" loading="lazy" allow="cross-origin-isolated"><\/iframe>$/,
    );
    const height = Number(/height="(\d+)"/.exec(iframe!)![1]);
    expect(height).toBeGreaterThanOrEqual(480);
    expect(height).toBeLessThanOrEqual(1200);
    // The same script as the example tutorial's, which the app serves beside itself.
    const sizer = await (await page.request.get('./tutorial-example.js')).text();
    expect(script.join('\n')).toBe(`<script>\n${sizer.trim()}\n</script>`);
  });

  test('the compact embed code, pasted in a page on another origin, shows the compact demo and sizes its iframe', async ({
    page,
    baseURL,
  }) => {
    const app = new URL(baseURL!);
    await openIsolated(page, './?speedup.fib-n=21&speedup.fib-k=2&speedup.workers=1-2&speedup.reps=1');
    await page
      .getByRole('group', { name: 'Share Speedup' })
      .getByRole('button', { name: 'Copy compact embed code' })
      .click();
    const snippet = await page.getByTestId('copied-compact').inputValue();
    expect(snippet).toContain('?embed=speedup&amp;controls=minimal&amp;speedup.fib-n=21');
    expect(snippet).toContain('height="420"');

    // A tutorial on another origin with the code pasted as it is: a parsed fragment runs its script, as a page would.
    await page.goto(`http://127.0.0.1:${app.port}/tutorial.html`);
    await page.evaluate((code) => document.body.append(document.createRange().createContextualFragment(code)), snippet);
    const frame = page.locator('iframe');
    const embed = page.frameLocator('iframe');
    await expect(embed.getByRole('heading', { level: 1, name: 'Speedup' })).toBeVisible({ timeout: 15_000 });
    // Glossary terms in the lesson are buttons too: every other button is n's stepper, Run or Cancel.
    await expect(embed.locator('button:not([data-term])')).toHaveText(['−', '+', 'Run', 'Cancel']);
    const sized = async () => {
      const outer = await frame.evaluate((element) => element.getBoundingClientRect().height);
      const inner = await embed.locator('body').evaluate((body) => body.getBoundingClientRect().height);
      return Math.abs(outer - Math.ceil(inner));
    };
    // Sized from 420 px to what the embed reports, then again after a run adds the chart.
    await expect.poll(sized, { timeout: 10_000 }).toBeLessThanOrEqual(1);
    const before = await frame.evaluate((element) => element.getBoundingClientRect().height);
    expect(before).not.toBe(420);
    await embed.getByRole('button', { name: 'Run' }).click();
    await expect(embed.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
    await expect.poll(sized, { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(await frame.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(before);

    // Heights count only from the frame itself, for the demo it embeds: these two are ignored, the third applied.
    // A listener added after the script's sees each message after it, so it tells when the script has had them.
    await page.evaluate(() => {
      const seen: unknown[] = [];
      Object.assign(window, { seen });
      addEventListener('message', (event) => seen.push(event.data));
    });
    const seen = () =>
      page.evaluate(() => (window as unknown as { seen: { demo: string }[] }).seen.map((data) => data.demo));
    const post = (demo: string, height: number) => ({ type: 'parallel-playground:height', demo, height });
    await page.evaluate((message) => postMessage(message, '*'), post('speedup', 3000));
    await embed.locator('body').evaluate((_, message) => parent.postMessage(message, '*'), post('fetch', 2000));
    await expect.poll(seen).toContain('fetch');
    expect(await frame.evaluate((element) => element.getBoundingClientRect().height)).toBeLessThan(2000);
    await embed.locator('body').evaluate((_, message) => parent.postMessage(message, '*'), post('speedup', 555));
    await expect.poll(() => frame.evaluate((element) => element.style.height)).toBe('555px');
  });
});

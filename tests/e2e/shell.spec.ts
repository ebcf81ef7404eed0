import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoIds, mountEveryDemo, showDemo } from './pageDemos';

/** What every demo shares: its layout at phone and tablet widths, one experiment at a time, export, focus. */

const WIDTHS = [360, 768] as const;
const ENDED = /Done\.|Cancelled|Stopped|Failed/;

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Runs a demo's first experiment with its defaults, if it has one, and waits until it has ended. */
async function runDefaults(section: Locator): Promise<void> {
  const run = section.locator('.run-controls button[type="submit"]').first();
  if ((await run.count()) === 0) return;
  await run.scrollIntoViewIfNeeded();
  await run.click();
  const status = section.locator('.run-controls [role="status"]').first();
  await expect(status).toHaveText(ENDED, { timeout: 90_000 });
}

async function expectNoOverflow(page: Page, where: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await expect.poll(() => overflow(page), { message: `${where} at ${width} px` }).toBeLessThanOrEqual(0);
  }
}

test('no demo makes the page wider than the screen, before or after a run, in the full page', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: WIDTHS[0], height: 800 });
  await page.goto('./');
  await mountEveryDemo(page);
  await expectNoOverflow(page, 'the full page before any run');
  for (const id of await demoIds(page)) {
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await runDefaults(page.locator(`section[data-demo="${id}"]`));
    await expectNoOverflow(page, `the full page after the ${id} run`);
  }
});

test('no embed is wider than its frame, before or after a run', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./');
  const ids = await demoIds(page);
  expect(ids.length).toBeGreaterThan(5);
  for (const id of ids) {
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await page.goto(`./?embed=${id}`);
    const section = page.locator(`section[data-demo="${id}"]`);
    await expect(section).toBeVisible();
    await expectNoOverflow(page, `the ${id} embed`);
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await runDefaults(section);
    await expectNoOverflow(page, `the ${id} embed after its run`);
  }
});

/** The Speedup demo set to a small fib batch. */
async function smallSpeedup(page: Page, n = '22') {
  const demo = page.locator('section[data-demo="speedup"]');
  await demo.getByLabel('Fibonacci batch').check();
  await demo.getByLabel('n', { exact: true }).fill(n);
  await demo.getByLabel('k (calls)').fill('8');
  await demo.getByLabel('Repetitions').fill('1');
  return demo;
}

test('while one demo runs, the others cannot start, and say why', async ({ page }) => {
  await page.goto('./');
  await showDemo(page, 'image', 'scheduling');
  const speedup = await smallSpeedup(page, '36');
  await speedup.getByRole('button', { name: 'Run' }).click();
  await expect(speedup.getByTestId('run-status')).toHaveText('Running…');

  const image = page.locator('section[data-demo="image"]');
  await expect(image.getByRole('button', { name: 'Apply filter' })).toBeDisabled();
  await expect(image.getByRole('button', { name: /Compare all/ })).toBeDisabled();
  await expect(image.getByTestId('run-blocked')).toContainText('the Speedup demo is running');
  const scheduling = page.locator('section[data-demo="scheduling"]');
  await expect(scheduling.getByRole('button', { name: 'Start' })).toBeDisabled();

  await speedup.getByRole('button', { name: 'Cancel' }).click();
  await expect(image.getByTestId('run-blocked')).toHaveCount(0);
  await expect(image.getByRole('button', { name: 'Apply filter' })).toBeEnabled();
});

test('a Speedup result downloads as CSV and JSON with the environment it was measured in', async ({ page }) => {
  await page.goto('./');
  const demo = await smallSpeedup(page);
  await demo.getByLabel('Worker counts').fill('1-2');
  await demo.getByRole('button', { name: 'Run' }).click();
  await expect(demo.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  const tableRows = await demo.locator('.sweep-table tbody tr').count();

  const save = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), demo.getByRole('button', { name }).click()]);
    expect(download.suggestedFilename()).toMatch(/^parallel-playground-speedup-\d{4}-\d{2}-\d{2}\.(csv|json)$/);
    return readFile((await download.path())!, 'utf8');
  };

  const csv = (await save('CSV')).trim().split(/\r\n/);
  const stamp = csv.filter((line) => line.startsWith('# '));
  const body = csv.filter((line) => !line.startsWith('# '));
  expect(stamp[0]).toMatch(/^# Parallel Playground \S+, speedup demo, \d{4}-\d{2}-\d{2}T/);
  expect(stamp[1]).toMatch(/^# \S.*, \d+ cores, cross-origin isolated: yes$/);
  expect(stamp[2]).toMatch(/^# settings: .*task=fib/);
  expect(body[0]).toMatch(/^workers,median ms,/);
  expect(body).toHaveLength(1 + tableRows);

  const json = JSON.parse(await save('JSON'));
  expect(json).toMatchObject({ demo: 'speedup', crossOriginIsolated: true, settings: { task: 'fib', reps: '1' } });
  expect(json.cores).toBeGreaterThan(0);
  expect(new Date(json.date).getTime()).not.toBeNaN();
  expect(json.rows).toHaveLength(tableRows);
  expect(json.rows[0]).toMatchObject({ workers: 1, speedup: 1, matches: true });
});

test('the keyboard focus stays on a live control when Run and Cancel disable themselves', async ({ page }) => {
  await page.goto('./');
  const demo = await smallSpeedup(page);
  await demo.getByRole('button', { name: 'Run' }).focus();
  await page.keyboard.press('Enter');
  await expect(demo.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  await expect(demo.getByRole('button', { name: 'Run' })).toBeFocused();
});

test('Reset puts a demo’s settings back to their defaults, and the address with them', async ({ page }) => {
  await page.goto('./');
  const demo = page.locator('section[data-demo="speedup"]');
  const reset = demo.getByRole('button', { name: 'Reset to defaults' });
  await expect(reset).toBeDisabled();
  await demo.getByLabel('Repetitions').fill('7');
  await expect(page).toHaveURL(/speedup\.reps=7/);
  await reset.click();
  await expect(demo.getByLabel('Repetitions')).toHaveValue('3');
  await expect(page).not.toHaveURL(/speedup\.reps/);
  await expect(reset).toBeDisabled();
});

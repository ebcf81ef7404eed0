import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectRefused } from './refusals';
import { showDemo } from './pageDemos';

const demo = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: 'Scheduling' }) });

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await showDemo(page, 'scheduling');
});

/** A small, quick Mandelbrot set-up: 64 rows in chunks of 8 rows is 8 chunks. */
async function smallMandelbrot(page: Page) {
  const section = demo(page);
  await section.getByLabel('Width (px)').fill('120');
  await section.getByLabel('Height (px)').fill('64');
  await section.getByLabel('Iteration limit').fill('300');
  await section.getByRole('textbox', { name: 'Chunk size (rows)' }).fill('8');
  await section.getByLabel('Timed runs each').fill('1');
  return section;
}

test('a run draws one timeline lane per worker with a bar per chunk, and the trace downloads as valid JSON', async ({
  page,
}) => {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const section = await smallMandelbrot(page);
  await section.getByRole('radio', { name: 'cyclic' }).check();
  await section.getByRole('button', { name: 'Start' }).click();
  await expect(section.getByTestId('scheduling-status')).toHaveText('Done.', { timeout: 30_000 });

  await expect(section.getByTestId('mandelbrot-canvas')).toBeVisible();
  await expect(section.getByText(/All \d+ runs gave the same result/)).toBeVisible();
  // The last run is shown: the largest pool, one lane per worker, one bar per chunk.
  const timeline = section.locator('.timeline svg');
  await expect(timeline.locator('.lane')).toHaveCount(cores);
  await expect(timeline.locator('.bar')).toHaveCount(8);
  for (let worker = 0; worker < cores; worker++) {
    // Cyclic: chunk i on worker i mod p.
    await expect(timeline.locator(`.bar[data-worker="${worker}"]`)).toHaveCount(8 / cores);
  }
  await timeline.locator('.bar[data-chunk="3"]').focus();
  await expect(section.getByTestId('timeline-details')).toContainText(`rows 24–31 on worker ${3 % cores}`);
  await expect(section.locator('.trace-table tbody tr[data-chunk]')).toHaveCount(8);

  // Every repetition, warm-ups included, can be picked; the timeline follows.
  const picker = section.getByRole('combobox', { name: 'Run shown' });
  await expect(picker.locator('option')).toHaveCount(2 * cores);
  await picker.selectOption({ index: 0 });
  await expect(timeline.locator('.lane')).toHaveCount(1);

  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: /Download trace/ }).click();
  const download = await downloading;
  const trace = JSON.parse(await readFile((await download.path())!, 'utf8'));
  const complete = trace.traceEvents.filter((event: { ph: string }) => event.ph === 'X');
  expect(complete).toHaveLength(8);
  expect(new Set(complete.map((event: { tid: number }) => event.tid))).toEqual(new Set([0]));

  if (cores > 1) await expect(section.getByTestId('serial-fraction')).toHaveText(/f = \d\.\d{3}/);
});

test('bad input shows a message and keeps Start disabled', async ({ page }) => {
  const section = demo(page);
  const start = section.getByRole('button', { name: 'Start' });
  const cases: [string, string, RegExp][] = [
    ['Real to', '-2.2', /region has no width/],
    ['Imaginary to (bottom)', '-1.5', /region has no height/],
    ['Iteration limit', '20000', /Iteration limit must be from 1 to 10,000/],
    ['Chunk size (rows)', '0', /Chunk size must be from 1 to 400 rows/],
    ['Chunk size (rows)', '401', /Chunk size must be from 1 to 400 rows/],
  ];
  // The region's bounds are rarely changed: they wait under "More settings".
  await section.getByTestId('more-settings').getByText('More settings').click();
  for (const [label, value, message] of cases) {
    await expectRefused(section, section.getByLabel(label, { exact: true }), value, message, start, { restore: true });
  }
  await section.getByLabel('Fibonacci, mixed sizes').check();
  const largest = section.getByLabel('Largest n');
  await expectRefused(section, largest, '39', 'Largest n must be from 0 to 38', start);
  await expectRefused(section, largest, '10', 'Largest n must be at least the smallest n', start);
});

test('a chunk-size sweep times every size and marks the fastest', async ({ page }) => {
  const section = demo(page);
  await section.getByLabel('Fibonacci, mixed sizes').check();
  await section.getByLabel('Calls', { exact: true }).fill('16');
  await section.getByLabel('Largest n').fill('24');
  await section.getByLabel('Timed runs each').fill('1');
  await section.getByRole('button', { name: 'Sweep chunk sizes' }).click();
  await expect(section.getByTestId('chunk-sweep-status')).toHaveText('Done.', { timeout: 30_000 });
  const rows = section.locator('.chunk-table tbody tr');
  await expect(rows).toHaveCount(5); // 1, 2, 4, 8, 16 calls per chunk
  await expect(section.locator('.chunk-table tr.best')).toHaveCount(1);
  await expect(rows.filter({ hasText: '✓ same result' })).toHaveCount(5);
});

test('the Speedup demo fits Amdahl’s law on its results, and predicts only from three counts above one', async ({
  page,
}) => {
  const speedup = page.locator('#speedup');
  await speedup.getByLabel('Fibonacci batch').check();
  await speedup.getByLabel('n', { exact: true }).fill('24');
  await speedup.getByLabel('k (calls)').fill('8');
  // Two counts at least, even on a one-core machine: a fit needs a worker count above one.
  await speedup.getByLabel(/Allow up to/).check();
  await speedup.getByLabel('Worker counts').fill('1-2');
  await speedup.getByLabel('Repetitions').fill('1');
  await speedup.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(speedup.getByTestId('serial-fraction')).toHaveText(/f = \d\.\d{3}/);
  await expect(speedup.locator('path[data-curve^="Amdahl"]')).toHaveCount(1);
  // From one count above one it refuses to predict, and offers the counts that let it.
  const amdahl = speedup.getByTestId('amdahl');
  await expect(amdahl.getByTestId('amdahl-refuses')).toContainText('No predictions from one worker count above one');
  await expect(amdahl.locator('tr[data-workers="∞"]')).toHaveCount(0);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  test.skip(cores < 2, 'one core: even oversubscribed, too few counts to predict');
  await amdahl.getByRole('button', { name: `Sweep 1-${2 * cores} workers now` }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Done.', { timeout: 60_000 });
  await expect(speedup.getByLabel('Worker counts', { exact: true })).toHaveValue(`1-${2 * cores}`);
  await expect(speedup.locator('.sweep-table tbody tr')).toHaveCount(2 * cores);
  await expect(amdahl.getByTestId('amdahl-refuses')).toHaveCount(0);
  await expect(amdahl.locator('tr[data-workers="∞"]')).toBeVisible();
  await speedup.getByLabel(/Gustafson/).check();
  await expect(speedup.locator('path[data-curve^="Gustafson"]')).toHaveCount(1);
});

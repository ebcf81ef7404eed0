import { expect, test } from '@playwright/test';

/** "Faster kernel or more cores?": the grid of backends × worker counts in the built app, at a small size. */

const SMALL =
  'kernel-or-cores.task=blur&kernel-or-cores.blur-width=120&kernel-or-cores.workers=1-2&kernel-or-cores.reps=1';

test('runs a small blur on every backend at 1 and 2 workers: the grid fills, every run equals JavaScript’s', async ({
  page,
}) => {
  await page.goto(`./?embed=kernel-or-cores&${SMALL}`);
  const section = page.locator('section[data-demo="kernel-or-cores"]');
  await expect(page.getByRole('heading', { level: 1, name: 'Faster kernel or more cores?' })).toBeVisible();
  await expect(section.getByTestId('kernel-or-cores-sizing')).toHaveText(
    'The work: a Gaussian blur (σ = 2) of the 120×80 px sample picture, on 3 backends.',
  );
  await section.getByRole('button', { name: 'Run the grid' }).click();
  await expect(section.getByTestId('kernel-or-cores-status')).toHaveText('Done.', { timeout: 60_000 });

  const grid = section.getByTestId('kernel-or-cores-grid');
  await expect(grid.locator('tbody tr')).toHaveCount(3);
  await expect(grid.locator('tbody th')).toHaveText(['JavaScript', 'WebAssembly', 'WebAssembly SIMD']);
  // Every cell has a speedup and a time; the 1-worker JavaScript cell is the baseline.
  await expect(grid.locator('tbody td strong')).toHaveCount(6);
  await expect(grid.locator('tr[data-backend="js"] td[data-workers="1"] strong')).toHaveText('1.00×');
  await expect(grid.locator('td.mismatch')).toHaveCount(0);
  await expect(section.getByText('All 12 runs gave the same result')).toBeVisible();
  await expect(section.locator('output')).toHaveText('120×80 px blurred (38,400 bytes)');
  // The sentence read off the measurements, whatever this busy machine made of them.
  await expect(section.getByTestId('kernel-or-cores-lesson')).toContainText('2 workers of JavaScript');
});

test('bad input shows a message and keeps Run disabled', async ({ page }) => {
  await page.goto('./?embed=kernel-or-cores');
  const section = page.locator('section[data-demo="kernel-or-cores"]');
  await section.getByLabel('Mandelbrot').check();
  await section.getByRole('textbox', { name: 'Image width' }).fill('5000');
  await expect(section.getByRole('alert')).toHaveText('Image width must be from 16 to 4,096');
  await expect(section.getByRole('button', { name: 'Run the grid' })).toBeDisabled();
});

import { expect, test, type Page } from '@playwright/test';
import { makeFloatArray } from '../../src/image/arraySum';
import { encodePng } from './png';
import { STATIC_PORT } from './ports';

const WIDTH = 23;
const HEIGHT = 17;
/** A deterministic opaque picture: every pixel differs, so a sampled pixel checks the right place. */
const pixels = new Uint8Array(WIDTH * HEIGHT * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37 + (i >> 2) * 11) % 256));
const pixel = (x: number, y: number) => Array.from(pixels.subarray((y * WIDTH + x) * 4, (y * WIDTH + x) * 4 + 4));
/** Grayscale reference, written out here: BT.601 luma in integers, alpha kept. */
const grayscale = ([r, g, b, a]: number[]) => {
  const l = (77 * r! + 150 * g! + 29 * b! + 128) >> 8;
  return [l, l, l, a!];
};

/** Reads one pixel of a canvas in the page. */
function canvasPixel(page: Page, testId: string, x: number, y: number) {
  return page
    .getByTestId(testId)
    .evaluate(
      (canvas: HTMLCanvasElement, [px, py]) => Array.from(canvas.getContext('2d')!.getImageData(px!, py!, 1, 1).data),
      [x, y],
    );
}

/**
 * The Image demo's own controls: other demos have fields of the same names ("Gaussian blur" is also a task of the
 * kernel-or-cores demo), and demos mount lazily, so a page-wide label could find another demo's.
 */
const imageDemo = (page: Page) => page.locator('section[data-demo="image"]');

async function fastSettings(page: Page, filter: string) {
  await imageDemo(page).getByLabel(filter).check();
  await page.locator('#image-workers').fill('1-2');
  await page.locator('#image-reps').fill('1');
}

test('a picture chosen in the file chooser is filtered; sampled pixels match a reference', async ({ page }) => {
  await page.goto('./#image');
  const chooser = page.waitForEvent('filechooser');
  await imageDemo(page).getByLabel('Open a picture file').click();
  await (await chooser).setFiles({ name: 'test.png', mimeType: 'image/png', buffer: encodePng(WIDTH, HEIGHT, pixels) });
  await expect(page.getByTestId('picture-line')).toContainText(`test.png, ${WIDTH}×${HEIGHT}`);

  await fastSettings(page, 'Grayscale');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByTestId('image-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(page.getByTestId('image-result')).toContainText('same bytes as the 1-worker run');
  for (const [x, y] of [
    [0, 0],
    [22, 16],
    [11, 8],
    [5, 13],
  ] as const) {
    expect(await canvasPixel(page, 'before-canvas', x, y)).toEqual(pixel(x, y));
    expect(await canvasPixel(page, 'after-canvas', x, y)).toEqual(grayscale(pixel(x, y)));
  }
  expect(grayscale(pixel(11, 8))).not.toEqual(pixel(11, 8));
});

test('a text file named .png gets a clear message and the previous picture stays', async ({ page }) => {
  await page.goto('./#image');
  // The sample is drawn in a worker: wait until it is there.
  await expect(page.getByTestId('picture-line')).toContainText('the sample picture, 1200×800');
  const before = await page.getByTestId('picture-line').textContent();
  await imageDemo(page)
    .getByLabel('Open a picture file')
    .setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('These are notes, not a picture.\n'),
    });
  await expect(page.getByTestId('picture-error')).toContainText(
    'notes.png (image/png) is not a picture this browser can read',
  );
  await expect(page.getByTestId('picture-error')).toContainText('The previous picture is kept.');
  expect(await page.getByTestId('picture-line').textContent()).toBe(before);
});

test('out-of-range filter parameters are refused inline', async ({ page }) => {
  await page.goto('./#image');
  await imageDemo(page).getByLabel('Gaussian blur').check();
  await imageDemo(page).getByLabel('Sigma').fill('99');
  await expect(page.getByText('Sigma must be from 0.3 to 25')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply filter' })).toBeDisabled();
  await imageDemo(page).getByLabel('Box blur').check();
  await imageDemo(page).getByLabel('Radius').fill('0');
  await expect(page.getByText('Radius must be from 1 to 50')).toBeVisible();
  await imageDemo(page).getByLabel('Radius').fill('2');
  await expect(page.getByRole('button', { name: 'Apply filter' })).toBeEnabled();
});

test('the three modes side by side: transfer shows detached buffers, shared its progress counter', async ({ page }) => {
  await page.goto('./?image.filter=sobel&image.workers=1-2&image.reps=1#image');
  await page.getByRole('button', { name: 'Compare all 3 modes' }).click();
  const table = page.locator('.mode-comparison');
  await expect(table.locator('tbody tr')).toHaveCount(3, { timeout: 30_000 });
  // The mode picker followed the comparison: it names the mode the summary above describes.
  await expect(page.locator('input[name="image-mode"]:checked')).toHaveValue('shared');
  await expect(page.getByTestId('image-result')).toContainText('shared mode');
  await expect(table.locator('tr[data-mode="transfer"] .note')).toContainText(
    /(\d+) of \1 sent buffers were left detached/,
  );
  await expect(table.locator('tr[data-mode="shared"] .note')).toContainText(/progress counter reached (\d+) of \1/);
  await expect(table.locator('tr[data-mode="shared"]')).toContainText('0 B + 0 B');
});

test('the array sum runs in copy mode and gives the exact sum', async ({ page }) => {
  const expected = makeFloatArray(1_000_000).reduce((a, b) => a + b, 0);
  await page.goto('./#array-sum');
  await page.getByRole('textbox', { name: 'Elements' }).fill('1000000');
  await page.getByRole('button', { name: 'Sum the array' }).click();
  await expect(page.getByTestId('array-sum-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(page.locator('.array-sum .result-line')).toContainText(
    new RegExp(
      `Σ = ${expected.toLocaleString('en')} for 1,000,000 elements in\\s+copy mode; every run gave this same sum`,
    ),
  );
});

test.describe('served without COOP/COEP', () => {
  // The plain static server sends no isolation headers; with the service worker blocked, nothing adds them.
  test.use({ serviceWorkers: 'block' });

  test('shared mode is off with the reason, copy mode still filters', async ({ page }) => {
    await page.goto(`http://localhost:${STATIC_PORT}/demos/pp/#image`);
    await expect(page.getByTestId('isolated')).toHaveText(/no/);
    await expect(page.getByRole('radio', { name: /shared memory/ }).first()).toBeDisabled();
    const reason = page.getByTestId('image-mode-shared-unavailable');
    await expect(reason).toContainText('not cross-origin isolated');
    await expect(reason.getByRole('link', { name: /COOP and COEP/ })).toHaveAttribute('href', /coop-coep/);
    await fastSettings(page, 'Invert');
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await expect(page.getByTestId('image-status')).toHaveText('Done.', { timeout: 30_000 });
    await expect(page.getByTestId('image-result')).toContainText('copy mode');
    const original = await canvasPixel(page, 'before-canvas', 100, 100);
    const inverted = await canvasPixel(page, 'after-canvas', 100, 100);
    expect(inverted).toEqual([255 - original[0]!, 255 - original[1]!, 255 - original[2]!, original[3]]);
    // WebAssembly still runs, on each worker's unshared memory, and says what is off.
    await page.locator('input[name="image-backend"][value="wasm-simd"]').check();
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await expect(page.getByTestId('image-status')).toHaveText('Done.', { timeout: 30_000 });
    await expect(page.getByTestId('image-result')).toContainText('WebAssembly SIMD');
    await expect(page.getByTestId('image-memory-note')).toContainText(/unshared memory.*shared memory is off/);
    expect(await canvasPixel(page, 'after-canvas', 100, 100)).toEqual(inverted);
  });
});

import { expect, test, type Page } from '@playwright/test';
import { pngFile } from './png';

/** What a link may do to a visitor's browser, and the small defects hostile links used to find. */

const fetchDemo = (page: Page) => page.locator('section[data-demo="fetch"]');
const notices = (page: Page) => page.getByRole('alert', { name: 'Settings from the link' }).locator('li');

/** Counts the requests that leave for `host`, answering them as a CORS-friendly server would. */
async function countRequestsTo(page: Page, host: string): Promise<() => number> {
  let count = 0;
  await page.route(
    (url) => url.hostname === host,
    (route) => {
      count++;
      return route.fulfill({ status: 200, body: 'ok', headers: { 'access-control-allow-origin': '*' } });
    },
  );
  return () => count;
}

test('a link aimed at the cloud metadata address is refused with a message, and sends nothing', async ({ page }) => {
  const sent = await countRequestsTo(page, '169.254.169.254');
  await page.goto('./?fetch.source=url&fetch.url=https://169.254.169.254/latest/meta-data/&fetch.n=500#fetch');
  const demo = fetchDemo(page);
  await expect(demo.getByText(/link-local/)).toBeVisible();
  await expect(demo.getByRole('button', { name: 'Send requests' })).toBeDisabled();
  await page.waitForTimeout(500);
  expect(sent()).toBe(0);
});

test('a public host from a link needs one confirmation, and gets at most the cap', async ({ page }) => {
  const sent = await countRequestsTo(page, 'api.example.com');
  await page.goto('./?fetch.source=url&fetch.url=https://api.example.com/data&fetch.n=50#fetch');
  const demo = fetchDemo(page);
  const send = demo.getByRole('button', { name: 'Send requests' });
  await expect(demo.getByTestId('fetch-confirm')).toContainText('api.example.com');
  await expect(send).toBeDisabled();
  expect(sent()).toBe(0);
  await demo.getByRole('button', { name: 'Allow requests to api.example.com' }).click();
  await expect(demo.getByTestId('fetch-confirm')).toHaveCount(0);
  await expect(demo.getByTestId('fetch-cap')).toContainText('at most 20 requests');
  await send.click();
  await expect(demo.getByTestId('fetch-status')).toHaveText('Done.', { timeout: 20_000 });
  expect(sent()).toBe(20);
});

test('an address typed by the visitor needs no confirmation', async ({ page }) => {
  const sent = await countRequestsTo(page, 'api.example.com');
  await page.goto('./#fetch');
  const demo = fetchDemo(page);
  await demo.getByLabel('Your own URL').check();
  await demo.getByLabel('URL', { exact: true }).fill('https://api.example.com/typed');
  await demo.getByLabel('Requests (N)').fill('3');
  await expect(demo.getByTestId('fetch-confirm')).toHaveCount(0);
  await demo.getByRole('button', { name: 'Send requests' }).click();
  await expect(demo.getByTestId('fetch-status')).toHaveText('Done.', { timeout: 20_000 });
  expect(sent()).toBe(3);
});

test('settings the app writes itself give no notice; unknown ones give one grouped, capped notice', async ({
  page,
}) => {
  await page.goto('./?array-sum.n=5000#array-sum');
  await expect(page.locator('section[data-demo="array-sum"]').getByRole('textbox', { name: 'Elements' })).toHaveValue(
    '5000',
  );
  await expect(notices(page)).toHaveCount(0);

  const unknown = Array.from({ length: 700 }, (_, i) => `x${i}=1`).join('&');
  await page.goto(`./?${unknown}`);
  await expect(notices(page)).toHaveCount(1);
  await expect(notices(page)).toHaveText(
    /^700 settings in the link are unknown.*"x0", "x1", "x2", "x3", "x4" and 695 more/,
  );
});

test('a picture whose header declares 30000×30000 pixels is refused as too large, before decoding', async ({
  page,
}) => {
  await page.goto('./#image');
  await page.getByLabel('Open a picture file').setInputFiles({
    name: 'bomb.png',
    mimeType: 'image/png',
    buffer: pngFile(30_000, 30_000, Buffer.alloc(0)), // valid up to its header: a decompression bomb's first bytes
  });
  await expect(page.getByTestId('picture-error')).toContainText('bomb.png is too large');
  await expect(page.getByTestId('picture-error')).toContainText('30000×30000');
});

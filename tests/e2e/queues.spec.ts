import { expect, test, type Locator, type Page } from '@playwright/test';
import { STATIC_PORT } from './ports';

/** Small settings for every part of the demo, through the link (`queues.<key>=<value>`). */
const SMALL = new URLSearchParams({
  'queues.producers': '2',
  'queues.consumers': '2',
  'queues.items': '400',
  'queues.produceUs': '0',
  'queues.consumeUs': '50',
  'queues.pipeItems': '2000',
  'queues.transformUs': '0',
  'queues.pages': '80',
  'queues.latency': '2',
  'queues.fetchers': '4',
}).toString();

const queues = (page: Page) => page.locator('section[data-demo="queues"]');

/** Runs the crawl and checks it visited every reachable page and missed none. */
async function crawlsEverything(demo: Locator) {
  await demo.getByRole('button', { name: 'Crawl', exact: true }).click();
  await expect(demo.getByTestId('crawl-status')).toHaveText('Done.', { timeout: 30_000 });
  const result = demo.getByTestId('crawl-result');
  await expect(result).toContainText(/Visited \d+ of \d+ reachable pages/);
  const [visited, reachable] = (await result.textContent())!
    .match(/Visited (\d+) of (\d+)/)!
    .slice(1)
    .map(Number);
  expect(visited).toBeGreaterThan(1);
  expect(visited).toBe(reachable);
  await expect(result).not.toContainText('Missed');
  await expect(demo.getByRole('img', { name: /frontier's size over time/ })).toBeVisible();
}

test('the queue, the pipeline and the crawl run from the page with small settings and show their results', async ({
  page,
}) => {
  await page.goto(`./?${SMALL}#queues`);
  const demo = queues(page);
  await expect(demo.getByTestId('queues-shared-off')).toHaveCount(0);

  await demo.getByRole('button', { name: 'Run the queue' }).click();
  await expect(demo.getByTestId('queue-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(demo.getByTestId('queue-result')).toContainText('400 items through the shared-memory queue');
  await expect(demo.getByTestId('queue-result')).toContainText('Checksum equals one thread');
  await expect(demo.getByTestId('queue-result')).toContainText('2 consumers stopped on a sentinel');
  await expect(demo.getByTestId('queue-board').locator('tbody tr')).toHaveCount(4);
  await expect(demo.getByTestId('queue-board').locator('tbody tr[data-state="done"]')).toHaveCount(4);

  await demo.getByRole('button', { name: 'Run the pipeline' }).click();
  await expect(demo.getByTestId('pipeline-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(demo.getByTestId('pipeline-result')).toContainText("both checksums equal one thread's");

  await crawlsEverything(demo);
});

test('a forgotten sentinel is shown blocked, ended by the time limit, while the page stays live', async ({ page }) => {
  test.setTimeout(40_000);
  await page.goto(`./?${SMALL}&queues.forget=true#queues`);
  const demo = queues(page);
  await demo.getByRole('button', { name: 'Run the queue' }).click();
  // While the consumer waits for ever, the page still answers: its board keeps updating.
  await expect(demo.locator('tbody tr[data-role="consumer"][data-state="blocked-empty"]')).toHaveCount(1, {
    timeout: 8_000,
  });
  await expect(demo.getByTestId('queue-stalled')).toContainText('1 consumer(s)', { timeout: 20_000 });
  await expect(demo.getByTestId('queue-status')).toContainText('Stopped at the 10 s limit');
  await expect(demo.getByRole('button', { name: 'Run the queue' })).toBeEnabled();
});

test.describe('on the plain static host, which sends no COOP/COEP', () => {
  const base = `http://localhost:${STATIC_PORT}/demos/pp/`;

  test('the crawler fetches the synthetic site through the service worker', async ({ page }) => {
    await page.goto(`${base}?${SMALL}&queues.overHttp=true#queues`);
    await expect(page.getByTestId('isolated')).toHaveText(/yes/, { timeout: 15_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    const sitePage = await page.evaluate(async () => {
      const response = await fetch('api/site/page/0?pages=5&seed=1&links=2&broken=0&ms=0&jitter=0');
      return response.status;
    });
    expect(sitePage).toBe(200);
    await crawlsEverything(queues(page));
  });

  test.describe('with service workers blocked (not isolated)', () => {
    test.use({ serviceWorkers: 'block' });

    test('the queue runs on messages, the pipeline says why not, the crawler still works', async ({ page }) => {
      await page.goto(`${base}?${SMALL}#queues`);
      await expect(page.getByTestId('isolated')).toHaveText(/no/);
      const demo = queues(page);
      await expect(demo.getByTestId('queues-shared-off')).toContainText('messages only');
      await expect(demo.getByRole('radio', { name: /Shared memory/ })).toHaveCount(0);
      await expect(demo.getByRole('button', { name: 'Run the pipeline' })).toBeDisabled();

      await demo.getByRole('button', { name: 'Run the queue' }).click();
      await expect(demo.getByTestId('queue-status')).toHaveText('Done.', { timeout: 30_000 });
      await expect(demo.getByTestId('queue-result')).toContainText('400 items through the message queue');
      await expect(demo.getByTestId('queue-result')).toContainText('Checksum equals one thread');

      await crawlsEverything(demo);
    });
  });
});

import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { isolatedAndControlled, openIsolated } from './firstVisit.ts';

/**
 * The app on a host of its own, as GitHub Pages would serve it (no headers: the service worker isolates the page),
 * whose files this test can replace: a redeploy. Each request that reaches it is counted.
 */
let server: Server;
let origin = '';
let deploy: ReturnType<typeof sirv>;
const served: string[] = [];
const folder = mkdtempSync(join(tmpdir(), 'pp-deploys-'));

test.beforeAll(async () => {
  cpSync('dist', join(folder, 'v1'), { recursive: true });
  deploy = sirv(join(folder, 'v1'), { dev: true });
  server = createServer((request, response) => {
    served.push(request.url!);
    deploy(request, response, () => {
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => {
  server.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A small Fibonacci sweep on 1 and 2 workers: it needs the page, its scripts and the compute worker's script. */
const SWEEP = '?embed=speedup&speedup.task=fib&speedup.fib-n=22&speedup.fib-k=4&speedup.workers=1-2&speedup.reps=1';

async function runSweep(page: Page) {
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });
  await expect(page.locator('.sweep-table tr[data-workers="2"] .result')).toHaveText(/✓ fib\(22\) = 17,711/);
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('after one visit the app opens offline, isolated, and runs a sweep in workers', async ({ page, context }) => {
  await openIsolated(page, `${origin}/${SWEEP}`);
  const [cache] = await cacheNames(page);
  const kept = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, cache!);
  expect(kept).toBeGreaterThanOrEqual(6); // pages, scripts, both workers, the stylesheet

  await context.setOffline(true);
  served.length = 0;
  // Offline for the service worker too: a request it does not keep fails, and nothing reaches the host.
  expect(
    await page.evaluate(() =>
      fetch('fetch-sample.txt?probe').then(
        () => 'answered',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Speedup' })).toBeVisible();
  expect(await isolatedAndControlled(page)).toBe(true);
  await runSweep(page);
  // Another page load of the app, with other settings, offline too.
  await page.goto(`${origin}/?embed=machine`);
  await expect(page.getByRole('heading', { name: 'Machines', exact: true })).toBeVisible();
  // All but the browser's own update check of the service worker's script, which Playwright's offline emulation does
  // not cover (microsoft/playwright#2311): a browser that is really offline fails that check and keeps the worker.
  expect(served.filter((url) => url !== '/sw.js')).toEqual([]);
  await context.setOffline(false);
});

/**
 * The next deploy: another page, and the compute worker under a new hashed name (the old name is gone from the
 * host, as after a real redeploy). `sw.js` changes with them: its file list and version.
 */
function redeploy(version: string): string {
  const next = join(folder, 'v2');
  cpSync(join(folder, 'v1'), next, { recursive: true });
  const assets = join(next, 'assets');
  const oldWorker = readdirSync(assets).find((name) => name.startsWith('compute.worker-'))!;
  const newWorker = oldWorker.replace('.js', '-v2.js');
  renameSync(join(assets, oldWorker), join(assets, newWorker));
  const edit = (path: string, change: (text: string) => string) =>
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    edit(join(assets, name), (text) => text.replaceAll(oldWorker, newWorker));
  }
  edit(join(next, 'index.html'), (text) => text.replace('</head>', '<meta name="deploy" content="v2" /></head>'));
  edit(join(next, 'sw.js'), (text) => text.replaceAll(oldWorker, newWorker).replaceAll(version, `${version}v2`));
  deploy = sirv(next, { dev: true });
  return newWorker;
}

test('a redeploy installs beside the running version, which keeps working until the visitor reloads into it', async ({
  page,
}) => {
  await openIsolated(page, `${origin}/${SWEEP}`);
  const [oldCache] = await cacheNames(page);
  const version = oldCache!.replace('parallel-playground-', '');

  const newWorker = redeploy(version);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const waiting = () =>
    page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none');
  await expect.poll(waiting, { timeout: 10_000 }).toBe('installed');
  expect(served).toContain(`/assets/${newWorker}`);

  // The open page still runs the old version: its worker script, gone from the host, comes from the old cache.
  await runSweep(page);
  await page.reload();
  await expect(page.locator('meta[name="deploy"]')).toHaveCount(0);
  await runSweep(page);

  // "A new version is ready — Reload": the page asks the waiting worker to take over (src/hosting/updates.ts).
  await page.evaluate(async () => {
    const container = navigator.serviceWorker;
    const changed = new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }));
    (await container.getRegistration())!.waiting!.postMessage({ type: 'skip-waiting' });
    await changed;
  });
  await page.reload();
  await expect(page.locator('meta[name="deploy"]')).toHaveAttribute('content', 'v2');
  expect(await isolatedAndControlled(page)).toBe(true);
  expect(await cacheNames(page)).toEqual([`parallel-playground-${version}v2`]);
  await runSweep(page);
});

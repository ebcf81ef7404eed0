import { expect, test } from '@playwright/test';
import { openIsolated } from './firstVisit';

/**
 * The machines broker's shared worker on a static host (no headers of its own, the app on a subpath): its script is
 * a chunk of the build, fetched through the service worker with the CSP's `worker-src 'self'`, and must start.
 */
test('on a static host the broker runs in its shared worker, and a machine tab gets its jobs', async ({ context }) => {
  const cluster = `static-${Date.now().toString(36)}`;
  const client = await context.newPage();
  // The app's page installs the service worker; the bare machines page (which registers none) is then under it.
  await openIsolated(client, './');
  await client.goto(`machines.html?role=client&cluster=${cluster}&lease=1500`);
  expect(await client.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const machine = await context.newPage();
  await machine.goto(`machines.html?role=machine&cluster=${cluster}&lease=1500&cores=1`);
  await expect(client.locator('#status')).toContainText('its shared worker hosts the broker', { timeout: 15_000 });
  const result = await client.evaluate(() => {
    const { machines } = window as unknown as {
      machines: { fibRun(run: string, ns: number[]): Promise<{ values: unknown[]; failed: unknown[] }> };
    };
    return machines.fibRun('run-1', [10, 20]);
  });
  expect(result).toMatchObject({ values: [[55], [6765]], failed: [] });
  const place = await client.evaluate(
    () =>
      (window as unknown as { machines: { monitor(): { broker: { place: string } } } }).machines.monitor().broker.place,
  );
  expect(place).toBe('shared worker');
});

import { expect, test, type Page } from '@playwright/test';

/**
 * The Machines demo as a user meets it: the client page, "Add a machine" opened twice as real worker tabs in the same
 * browser context, one batch enqueued; every job finishes, the merged result equals the single-machine result, and
 * the monitor's counts add up. One worker tab is closed mid-run: its jobs run elsewhere.
 */
const section = (page: Page) => page.locator('section.demo[data-demo="machine"]');

test('worker tabs opened from the demo join the cluster, share the batch and survive one closing', async ({
  page,
  context,
}) => {
  const cluster = `e2e-${Date.now().toString(36)}`;
  await page.goto(
    `./?machine.cluster=${cluster}&machine.simulated=0&machine.lease=1500&machine.n=28&machine.k=48&machine.jobs=24#machine`,
  );
  const demo = section(page);
  const href = await demo.getByTestId('add-machine').getAttribute('href');
  expect(href).toContain('embed=machine');
  expect(href).toContain('machine.role=worker');
  const workers = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all(workers.map((worker) => worker.goto(href!)));
  for (const worker of workers) await expect(worker.getByTestId('worker-status')).toContainText('Connected');
  await expect(demo.getByTestId('machine-row')).toHaveCount(2);
  // The broker runs in the cluster's shared worker, and the monitor says so.
  await expect(demo.getByTestId('machines-monitor')).toContainText('in a shared worker');

  await demo.getByRole('button', { name: 'Enqueue the batch' }).click();
  // Close one worker while it holds a job.
  await expect(workers[0]!.getByTestId('worker-status')).toContainText(/[1-9]\d* done/, { timeout: 20_000 });
  await workers[0]!.close();
  await expect(demo.getByTestId('machines-result')).toContainText('equal to the single-machine result', {
    timeout: 30_000,
  });
  await expect(demo.getByTestId('machines-result')).toContainText('All 24 jobs finished');
  await expect(demo.getByTestId('machines-time')).toContainText(
    /Through the queue: [\d,.]+ ms; .* one worker .*: [\d,.]+ ms/,
  );
  // The monitor adds up: each job recorded once across the machines.
  await expect
    .poll(async () => (await demo.getByTestId('machine-done').allTextContents()).reduce((sum, t) => sum + Number(t), 0))
    .toBe(24);
  // The timeline's lanes are named by machine, as the monitor names them.
  const rows = (await demo.getByTestId('machine-row').locator('th').allTextContents()).map((t) =>
    t.replace(' (tab)', '').trim(),
  );
  const lanes = await demo.locator('.timeline .lane > text:first-of-type').allTextContents();
  expect(lanes.length).toBeGreaterThan(0);
  for (const lane of lanes) expect(rows).toContain(lane.trim());
});

test('a job past its time limit lands in the failed list with its errors; network fields are bounded', async ({
  page,
}) => {
  const cluster = `e2e-failed-${Date.now().toString(36)}`;
  await page.goto(
    `./?machine.cluster=${cluster}&machine.simulated=1&machine.timeLimit=10&machine.retries=1&machine.n=36&machine.k=2&machine.jobs=1#machine`,
  );
  const demo = section(page);
  await demo.getByText('Broker and network').click();
  await expect(demo.getByTestId('network-lesson')).toContainText('twice the latency plus its bytes over the bandwidth');
  const enqueue = demo.getByRole('button', { name: 'Enqueue the batch' });
  const bandwidth = demo.getByLabel('network bandwidth (kB/s)');
  await bandwidth.fill('-5');
  await expect(demo.getByRole('alert').filter({ hasText: 'bandwidth' })).toBeVisible();
  await expect(enqueue).toBeDisabled();
  await bandwidth.fill('0');
  await expect(enqueue).toBeEnabled();

  await enqueue.click();
  await expect(demo.getByTestId('machines-result')).toContainText('1 job failed for good', { timeout: 30_000 });
  const failed = demo.getByTestId('failed-jobs');
  await expect(failed.locator('ol > li')).toHaveCount(2); // the first attempt and its one retry
  await expect(failed).toContainText('attempt 2: ran past its time limit of 10 ms');
});

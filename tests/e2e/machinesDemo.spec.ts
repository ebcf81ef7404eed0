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

  await demo.getByRole('button', { name: 'Enqueue the batch' }).click();
  // Close one worker while it holds a job.
  await expect(workers[0]!.getByTestId('worker-status')).toContainText(/[1-9]\d* done/, { timeout: 20_000 });
  await workers[0]!.close();
  await expect(demo.getByTestId('machines-result')).toContainText('equal to the single-machine result', {
    timeout: 30_000,
  });
  await expect(demo.getByTestId('machines-result')).toContainText('All 24 jobs finished');
  // The monitor adds up: each job recorded once across the machines.
  await expect
    .poll(async () => (await demo.getByTestId('machine-done').allTextContents()).reduce((sum, t) => sum + Number(t), 0))
    .toBe(24);
});

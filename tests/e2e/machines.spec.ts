import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { RunResult } from '../../src/machines/client';
import type { Monitor, RunStatus } from '../../src/machines/protocol';

/**
 * The machines job queue with real tabs: one client page and machine pages in one browser context, talking over a
 * real BroadcastChannel, the broker in a real SharedWorker (or, with `broker=tab`, in a tab elected with a real Web
 * Lock), persisting to real IndexedDB. Each job is fib(n)
 * on a machine's own worker pool; the results must equal fib computed here, each recorded exactly once.
 */

interface MachinesWindow {
  machines: {
    broker: { place: 'shared worker' | 'tab'; hosting: boolean };
    machine?: { view(): { running: unknown[]; done: number; status: string } };
    fibRun(run: string, ns: number[], timeoutMs?: number): Promise<RunResult>;
    monitor(): Monitor | undefined;
  };
}

const LEASE = 1500;
/** The reference, computed here by iteration: not the machines' naive recursion, and instant. */
function fib(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
/**
 * fib(32) and fib(33): about 60–110 ms each in one worker here, so a batch of 36 on three machines lasts about a
 * second, long enough to see a tab mid-job and close it with a job in hand (fib(30) ran the whole batch in 0.4 s,
 * sometimes before any tab was seen mid-job).
 */
const batch = (count: number) => Array.from({ length: count }, (_, i) => 32 + (i % 2));

/** `broker: 'tab'` makes every tab a candidate for the broker's lock instead of starting the shared worker. */
type Where = { broker?: 'tab' };

const url = (role: 'client' | 'machine', cluster: string, { broker }: Where = {}) =>
  `machines.html?role=${role}&cluster=${cluster}&lease=${LEASE}&cores=1${broker ? `&broker=${broker}` : ''}`;

const hosting = (page: Page) => page.evaluate(() => (window as unknown as MachinesWindow).machines.broker.hosting);

async function openClient(context: BrowserContext, cluster: string, where: Where = {}): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url('client', cluster, where));
  // The client opened first starts the broker (its shared worker, or itself holding the lock); the machines join it.
  await page.waitForFunction(() => (window as unknown as MachinesWindow).machines.broker.hosting);
  return page;
}

async function openMachines(
  context: BrowserContext,
  cluster: string,
  count: number,
  where: Where = {},
): Promise<Page[]> {
  const pages = await Promise.all(Array.from({ length: count }, () => context.newPage()));
  await Promise.all(pages.map((page) => page.goto(url('machine', cluster, where))));
  return pages;
}

/** Waits until the broker's monitor shows `count` live machines. */
async function machinesJoined(client: Page, count: number) {
  await client.waitForFunction(
    (count) =>
      (window as unknown as MachinesWindow).machines.monitor()?.machines.filter((m) => !m.gone).length === count,
    count,
  );
}

/** Waits until the machine page is running a job and has finished one, so closing it now loses work in hand. */
async function busy(page: Page) {
  await page.waitForFunction(() => {
    const view = (window as unknown as MachinesWindow).machines.machine?.view();
    return view !== undefined && view.running.length > 0 && view.done > 0;
  });
}

/**
 * The first machine page seen mid-job: on a loaded machine one tab may get few jobs, or none, so the test cannot pick
 * its victim in advance. The other pages' waits are left to end with their pages.
 */
function firstBusy(pages: Page[]): Promise<Page> {
  const never = new Promise<never>(() => {});
  return Promise.race(
    pages.map((page) =>
      busy(page).then(
        () => page,
        () => never,
      ),
    ),
  );
}

const startRun = (client: Page, run: string, ns: number[]) =>
  client.evaluate(({ run, ns }) => (window as unknown as MachinesWindow).machines.fibRun(run, ns), { run, ns });

/** The broker's settled monitor for a run: once its monitor shows every job finished. */
async function settledMonitor(
  client: Page,
  run: string,
  total: number,
): Promise<{ monitor: Monitor; status: RunStatus }> {
  const handle = await client.waitForFunction(
    ({ run, total }) => {
      const monitor = (window as unknown as MachinesWindow).machines.monitor();
      const status = monitor?.runs.find((r) => r.run === run);
      return monitor && status && status.states.finished === total && monitor.machines.every((m) => m.inFlight === 0)
        ? { monitor, status }
        : undefined;
    },
    { run, total },
  );
  return (await handle.jsonValue()) as { monitor: Monitor; status: RunStatus };
}

function expectExactResults(result: RunResult, ns: number[]) {
  expect(result.failed).toEqual([]);
  expect(result.values).toEqual(ns.map((n) => [fib(n)]));
}

const cluster = () => `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

/** A fresh cluster: its client page (hosting the broker's lock first) and `count` machine pages, all joined. */
async function startCluster(context: BrowserContext, count: number) {
  const id = cluster();
  const client = await openClient(context, id);
  const machines = await openMachines(context, id, count);
  await machinesJoined(client, count);
  return { id, client, machines };
}

/** The client starts `run-1`, a batch of 30 jobs, and closes once 3 have finished; the batch, to finish it again. */
async function leaveRunMidway(client: Page): Promise<number[]> {
  const ns = batch(30);
  startRun(client, 'run-1', ns).catch(() => {}); // the page goes away under it
  await client.waitForFunction(() => {
    const states = (window as unknown as MachinesWindow).machines.monitor()?.runs[0]?.states;
    return states !== undefined && states.finished >= 3;
  });
  await client.close();
  return ns;
}

/** Three machines run a batch of 36 jobs as `run-1`; the victim is the first machine seen with a job in hand. */
async function runWithVictim(context: BrowserContext) {
  const { client, machines } = await startCluster(context, 3);
  const ns = batch(36);
  // Watch for the victim before the run starts, so that no job is done unseen.
  const victimSeen = firstBusy(machines);
  const running = startRun(client, 'run-1', ns);
  return { client, ns, running, victim: await victimSeen };
}

test('a machine tab closed mid-run: its jobs run elsewhere, every result is recorded exactly once', async ({
  context,
}) => {
  const { client, ns, running, victim } = await runWithVictim(context);
  await victim.close();
  const result = await running;
  expectExactResults(result, ns);

  const { monitor, status } = await settledMonitor(client, 'run-1', ns.length);
  expect(status).toMatchObject({ total: 36, states: { queued: 0, started: 0, finished: 36, failed: 0 } });
  expect(status.retried).toBeGreaterThanOrEqual(1);
  // Monitoring adds up: the machines' recorded completions are the jobs, duplicates are counted apart.
  expect(monitor.machines.reduce((sum, m) => sum + m.done, 0)).toBe(36);
  expect(monitor.machines.reduce((sum, m) => sum + m.duplicates, 0)).toBe(monitor.counters.duplicates);
  expect(status.duplicates).toBe(monitor.counters.duplicates);
  expect(monitor.machines.filter((m) => m.gone)).toHaveLength(1);
  expect(monitor.events.some((event) => event.kind === 'lease expired')).toBe(true);
  expect(monitor.counters.enqueued).toBe(36);
});

test('a machine tab frozen past its lease: its jobs run elsewhere, its late results count as duplicates', async ({
  context,
}) => {
  const { client, ns, running, victim } = await runWithVictim(context);
  // Block the tab's main thread for twice the lease: no heartbeats, no results, though its worker finishes. The block
  // starts in the same task that sees a job in hand, so the tab cannot hand that job back first.
  await victim.evaluate(async (ms) => {
    const machine = () => (window as unknown as MachinesWindow).machines.machine?.view();
    while (!machine()?.running.length) await new Promise((resolve) => setTimeout(resolve, 0));
    const end = Date.now() + ms;
    while (Date.now() < end);
  }, 2 * LEASE);
  const result = await running;
  expectExactResults(result, ns);

  const { monitor, status } = await settledMonitor(client, 'run-1', ns.length);
  expect(status.retried).toBeGreaterThanOrEqual(1);
  expect(monitor.counters.leaseExpiries).toBeGreaterThanOrEqual(1);
  // The thawed tab reports what it finished meanwhile: kept if first, else counted as a duplicate, never both.
  await client.waitForFunction(() =>
    (window as unknown as MachinesWindow).machines.monitor()?.machines.every((m) => !m.gone),
  );
  const after = (await client.evaluate(() => (window as unknown as MachinesWindow).machines.monitor())) as Monitor;
  const done = after.machines.reduce((sum, m) => sum + m.done, 0);
  expect(done).toBe(36);
  expect(after.runs.find((r) => r.run === 'run-1')?.duplicates).toBe(after.counters.duplicates);
});

test('every tab closed mid-run: the next client resumes from IndexedDB, nothing lost or doubled', async ({
  context,
}) => {
  const { id, client, machines } = await startCluster(context, 1);
  const ns = batch(30);
  startRun(client, 'run-1', ns).catch(() => {}); // the page goes away under it
  await client.waitForFunction(() => {
    const states = (window as unknown as MachinesWindow).machines.monitor()?.runs[0]?.states;
    return states !== undefined && states.finished >= 5;
  });
  const before = (await client.evaluate(() => (window as unknown as MachinesWindow).machines.monitor())) as Monitor;
  await machines[0]!.close();
  await client.close();

  const again = await openClient(context, id);
  await openMachines(context, id, 2);
  // The same run, enqueued again by the reopened tab: the broker already has every job, so nothing is added.
  const result = await startRun(again, 'run-1', ns);
  expectExactResults(result, ns);
  const { monitor, status } = await settledMonitor(again, 'run-1', ns.length);
  expect(monitor.broker.resumed).toBe(true);
  expect(monitor.counters.enqueued).toBe(30);
  expect(monitor.counters.duplicateEnqueues).toBeGreaterThanOrEqual(30);
  expect(status.states.finished).toBe(30);
  expect(monitor.machines.reduce((sum, m) => sum + m.done, 0)).toBe(30);
  // What was finished before the crash was not run again as a new result.
  expect(before.runs[0]!.states.finished).toBeLessThan(30);
});

test('the broker’s tab closed mid-run: a machine tab takes the lock and resumes the broker from IndexedDB', async ({
  context,
}) => {
  const id = cluster();
  const tab = { broker: 'tab' } as const;
  const client = await openClient(context, id, tab);
  expect(await client.evaluate(() => (window as unknown as MachinesWindow).machines.broker.place)).toBe('tab');
  const machines = await openMachines(context, id, 2, tab);
  await machinesJoined(client, 2);
  const ns = await leaveRunMidway(client);
  // One of the machine tabs was next in line for the lock.
  await expect.poll(async () => (await Promise.all(machines.map(hosting))).filter(Boolean).length).toBe(1);
  const again = await context.newPage();
  await again.goto(url('client', id, tab));
  const result = await startRun(again, 'run-1', ns);
  expectExactResults(result, ns);
  const { monitor } = await settledMonitor(again, 'run-1', ns.length);
  expect(monitor.broker).toMatchObject({ place: 'tab', resumed: true });
  expect(monitor.counters.enqueued).toBe(30);
  expect(monitor.machines.reduce((sum, m) => sum + m.done, 0)).toBe(30);
});

test('the broker in a shared worker outlives the client tab that started it: a new client finishes the run once', async ({
  context,
}) => {
  const { id, client, machines } = await startCluster(context, 2);
  const first = (await client.evaluate(() => (window as unknown as MachinesWindow).machines.monitor())) as Monitor;
  expect(first.broker.place).toBe('shared worker');
  const ns = await leaveRunMidway(client);
  // No tab took over: the broker kept running in the worker, which the machine tabs still hold.
  expect((await Promise.all(machines.map(hosting))).every(Boolean)).toBe(true);

  const again = await openClient(context, id);
  const result = await startRun(again, 'run-1', ns);
  expectExactResults(result, ns);
  const { monitor, status } = await settledMonitor(again, 'run-1', ns.length);
  // The same broker, never restarted: not resumed from the store, and it kept the jobs the first client enqueued.
  expect(monitor.broker).toMatchObject({ id: first.broker.id, place: 'shared worker', resumed: false });
  expect(monitor.counters.enqueued).toBe(30);
  expect(status.states).toEqual({ queued: 0, started: 0, finished: 30, failed: 0 });
  expect(monitor.machines.reduce((sum, m) => sum + m.done, 0)).toBe(30);
});

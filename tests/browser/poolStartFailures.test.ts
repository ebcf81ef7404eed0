/** A pool whose workers cannot start fails fast with a typed error, and its waits end on their abort signal. */
import { describe, expect, it } from 'vitest';
import { CancelledError, PoolClosedError, WorkerStartError, type PoolOptions, type TraceEvent } from '../../src/pool';
import { sleep } from '../../src/sleep';
import { computeUrl, countedPool, fibJob, slowJob, WorkerCounter, trackedPools, within } from './poolHarness';

const pool = trackedPools();

/**
 * What every failing start-up must do: `ready` rejects fast with the typed error, work submitted afterwards restarts
 * a bounded number of workers and then rejects with the same error, nothing more is made, and shutdown ends them all.
 */
async function expectCleanStartFailure(
  counter: WorkerCounter,
  script: string,
  reason: RegExp,
  options: PoolOptions = {},
): Promise<void> {
  const size = 2;
  const maxStartFailures = 3;
  const p = pool({ size, createWorker: counter.create, script, maxStartFailures, ...options });
  // Generous bounds: these machines run several test suites at once. Alone, ready rejects in 50–150 ms.
  const error = await within(3000, p.ready).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(WorkerStartError);
  expect((error as WorkerStartError).message).toContain(script);
  expect((error as WorkerStartError).reason).toMatch(reason);

  const futures = [p.submit(fibJob(5)), p.submit(fibJob(6)), p.submit(fibJob(7))];
  for (const future of futures) await expect(within(5000, future)).rejects.toBeInstanceOf(WorkerStartError);
  await expect(p.submit(fibJob(1))).rejects.toBeInstanceOf(WorkerStartError);
  const made = counter.made;
  expect(made).toBeLessThanOrEqual(size + maxStartFailures);
  await sleep(300); // a restart storm would show here
  expect(counter.made).toBe(made);
  expect(p.stats()).toMatchObject({ busy: 0, pending: 0, completed: 0 });

  await p.shutdown();
  expect(counter.live).toBe(0);
}

describe('a pool whose workers cannot start', () => {
  it('a worker URL that 404s', async () => {
    // The test server answers unknown paths with its HTML page (next test), and this one path with a real 404.
    const missing = new URL('/favicon.ico', location.href);
    expect((await fetch(missing)).status).toBe(404);
    const counter = new WorkerCounter(() => new Worker(missing, { type: 'module' }));
    await expectCleanStartFailure(counter, missing.pathname, /could not be loaded/);
  });

  it('a worker that never answers, past the start-up time limit', async () => {
    const silent = new URL('./fixtures/silent.worker.ts', import.meta.url);
    await fetch(silent);
    const counter = new WorkerCounter(() => new Worker(silent, { type: 'module' }));
    await expectCleanStartFailure(counter, 'silent.worker.ts', /did not answer within 200 ms/, { startTimeout: 200 });
  });

  it('a worker that throws at its top level', async () => {
    const url = new URL('./fixtures/throwsAtStart.worker.ts', import.meta.url);
    await fetch(url); // the dev server compiles it on first request: time the pool, not the compiler
    const counter = new WorkerCounter(() => new Worker(url, { type: 'module' }));
    await expectCleanStartFailure(counter, 'throwsAtStart.worker.ts', /fixture worker fails at start/);
  });

  it('a worker blocked by a Content-Security-Policy (worker-src none)', async () => {
    // A same-origin frame with its own CSP: a Worker made through the frame's constructor is checked against it.
    const frame = document.createElement('iframe');
    frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const FrameWorker = (frame.contentWindow as unknown as { Worker: typeof Worker }).Worker;
    const violations: string[] = [];
    frame.contentDocument!.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.violatedDirective),
    );
    try {
      const counter = new WorkerCounter(() => new FrameWorker(computeUrl, { type: 'module' }));
      await expectCleanStartFailure(counter, 'blocked.worker', /./);
      expect(violations[0]).toMatch(/worker-src/);
    } finally {
      frame.remove();
    }
  });

  it('a createWorker that throws', async () => {
    const counter = new WorkerCounter(() => {
      throw new DOMException('workers are not allowed here', 'SecurityError');
    });
    await expectCleanStartFailure(counter, 'thrower', /SecurityError: workers are not allowed here/);
  });

  it('restarts only when work waits: no worker is made while the pool is idle', async () => {
    const url = new URL('./fixtures/throwsAtStart.worker.ts', import.meta.url);
    const counter = new WorkerCounter(() => new Worker(url, { type: 'module' }));
    const p = pool({ size: 1, createWorker: counter.create, maxStartFailures: 5 });
    await expect(p.ready).rejects.toBeInstanceOf(WorkerStartError);
    await sleep(300);
    expect(counter.made).toBe(1);
    expect(p.stats()).toMatchObject({ startFailures: 1 });
  });

  it('ready rejects with PoolClosedError when the pool is shut down before its workers answer', async () => {
    const silent = new URL('./fixtures/silent.worker.ts', import.meta.url);
    const counter = new WorkerCounter(() => new Worker(silent, { type: 'module' }));
    const p = pool({ size: 2, createWorker: counter.create });
    await p.shutdown();
    await expect(p.ready).rejects.toBeInstanceOf(PoolClosedError);
    expect(counter.live).toBe(0);
  });
});

describe('waits honour their abort signal', () => {
  it('whenReady and map end on abort while the workers never answer; shutdown ends the workers', async () => {
    const silent = new URL('./fixtures/silent.worker.ts', import.meta.url);
    const counter = new WorkerCounter(() => new Worker(silent, { type: 'module' }));
    const p = pool({ size: 2, createWorker: counter.create });
    const controller = new AbortController();
    const waiting = p.whenReady(controller.signal);
    const mapping = p.map([fibJob(3), fibJob(4)], { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const [waited, mapped] = await within(1000, Promise.allSettled([waiting, mapping]));
    expect((waited as PromiseRejectedResult).reason).toBeInstanceOf(CancelledError);
    expect((mapped as PromiseRejectedResult).reason).toBeInstanceOf(CancelledError);
    expect(p.stats()).toMatchObject({ busy: 0, pending: 0, cancelled: 2, replaced: 0 });
    await p.shutdown();
    expect(counter.live).toBe(0);
    expect(counter.made).toBe(2);
  });

  it('whenReady resolves like ready when not aborted, and rejects at once on an aborted signal', async () => {
    const p = pool({ size: 1 });
    expect(await p.whenReady(new AbortController().signal)).toBeGreaterThan(0);
    await expect(p.whenReady(AbortSignal.abort())).rejects.toBeInstanceOf(CancelledError);
  });

  it('a pre-aborted submission or map never touches a worker', async () => {
    const { counter, p } = await countedPool(pool, 2);
    const trace: TraceEvent[] = [];
    const signal = AbortSignal.abort();
    await expect(p.submit(slowJob, { signal, onTrace: (event) => trace.push(event) })).rejects.toBeInstanceOf(
      CancelledError,
    );
    await expect(p.map([slowJob, slowJob, slowJob], { signal })).rejects.toBeInstanceOf(CancelledError);
    expect(trace).toMatchObject([{ status: 'cancelled', worker: -1 }]);
    expect(counter.made).toBe(2);
    expect(p.stats()).toMatchObject({ busy: 0, pending: 0, replaced: 0, cancelled: 1 });
    expect(await p.submit(fibJob(10))).toEqual([55]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../workers/kernels';
import {
  ArgumentError,
  CallbackError,
  CancelledError,
  createPool,
  MessageError,
  PoolClosedError,
  TimeoutError,
  WorkerStartError,
  type Pool,
  type PoolOptions,
  type TraceEvent,
} from '../../src/pool';

const computeUrl = new URL('../../workers/compute.worker.ts', import.meta.url);
const fibJob = (n: number): Job<'fibBatch'> => ({ kernel: 'fibBatch', args: [[n]] });
/** Seconds of work for one worker: still running when a test cancels or times it out. */
const slowJob = fibJob(40);

/** Counts the workers a pool makes and the ones still alive (made and not yet terminated). */
class WorkerCounter {
  made = 0;
  live = 0;
  readonly workers: Worker[] = [];
  constructor(private readonly spawn: () => Worker = () => new Worker(computeUrl, { type: 'module' })) {}
  readonly create = (): Worker => {
    const worker = this.spawn();
    this.made++;
    this.live++;
    this.workers.push(worker);
    const terminate = worker.terminate.bind(worker);
    let ended = false;
    worker.terminate = () => {
      if (!ended) this.live--;
      ended = true;
      terminate();
    };
    return worker;
  };
}

const pools: Pool[] = [];
function pool(options: PoolOptions): Pool {
  const created = createPool(options);
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.shutdown({ cancelPending: true })));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes `count` short-lived objects: pressure that makes the collector run. Returns a number so none is optimised away. */
function garbage(count: number): number {
  const junk: { i: number }[] = [];
  for (let i = 0; i < count; i++) junk.push({ i });
  return junk.length;
}

/** `promise` settles within `ms`, or the test fails: what "fails cleanly" means for a start-up. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    sleep(ms).then(() => {
      throw new Error(`did not settle within ${ms} ms`);
    }),
  ]);
}

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
    const counter = new WorkerCounter();
    const p = pool({ size: 2, createWorker: counter.create });
    await p.ready;
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

describe('time limits', () => {
  it('a chunk past its timeout rejects with TimeoutError, its worker is replaced, the next job runs', async () => {
    const counter = new WorkerCounter();
    const p = pool({ size: 1, createWorker: counter.create });
    await p.ready;
    const trace: TraceEvent[] = [];
    const started = performance.now();
    await expect(p.submit(slowJob, { timeout: 100, onTrace: (event) => trace.push(event) })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(trace).toMatchObject([{ status: 'timed-out', worker: 0 }]);
    expect(counter.made).toBe(2);
    expect(counter.live).toBe(1);
    expect(p.stats()).toMatchObject({ timedOut: 1, replaced: 1, busy: 0, failed: 0 });
    expect(await p.submit(fibJob(20), { timeout: 10_000 })).toEqual([6765]);
  });

  it('the pool default applies to every chunk, and a submission can lift it', async () => {
    const p = pool({ size: 2, timeout: 500 });
    await p.ready;
    const [slow, quick] = [p.submit(fibJob(42)), p.submit(fibJob(15))];
    await expect(slow).rejects.toBeInstanceOf(TimeoutError);
    expect(await quick).toEqual([610]);
    expect(await p.submit(fibJob(30), { timeout: Infinity })).toEqual([832040]);
    await expect(p.submit(fibJob(1), { timeout: 0 })).rejects.toBeInstanceOf(RangeError);
  });
});

describe('failures that are not the kernel', () => {
  it('arguments that cannot be cloned reject with ArgumentError; no worker was touched', async () => {
    const counter = new WorkerCounter();
    const p = pool({ size: 1, createWorker: counter.create });
    await p.ready;
    const bad = { kernel: 'noop', args: [() => 1] } as unknown as Job<'noop'>;
    const error = await p.submit(bad).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as Error).message).toMatch(/kernel "noop".*never ran/);
    expect(((error as Error).cause as Error).name).toBe('DataCloneError');
    expect(p.stats()).toMatchObject({ busy: 0, pending: 0, failed: 1, replaced: 0 });
    expect(counter.made).toBe(1);
    expect(await p.submit(fibJob(12))).toEqual([144]);
  });

  it('a throwing onTrace rejects only its own future', async () => {
    const p = pool({ size: 2 });
    const futures = [1, 2, 3].map((n) =>
      p.submit(fibJob(n + 10), {
        onTrace: () => {
          if (n === 2) throw new Error('trace callback broke');
        },
      }),
    );
    const outcomes = await Promise.allSettled(futures);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: [89] });
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: [233] });
    expect(outcomes[1]!.status).toBe('rejected');
    const reason = (outcomes[1] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(CallbackError);
    expect(reason.message).toMatch(/onTrace threw: Error: trace callback broke/);
    expect(p.stats()).toMatchObject({ completed: 2, failed: 1, busy: 0, pending: 0 });
    expect(await p.submit(fibJob(9))).toEqual([34]);
  });

  it('a createWorker that throws when a worker is replaced leaves the pool able to run the next job', async () => {
    let calls = 0;
    const counter = new WorkerCounter(() => {
      calls++;
      if (calls === 2) throw new Error('no worker this time');
      return new Worker(computeUrl, { type: 'module' });
    });
    const p = pool({ size: 1, createWorker: counter.create });
    await p.ready;
    const running = p.submit(slowJob);
    await sleep(20);
    running.cancel(); // the replacement's createWorker throws
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(p.stats()).toMatchObject({ replaced: 1, startFailures: 1, cancelled: 1 });
    expect(await p.submit(fibJob(16))).toEqual([987]);
    expect(calls).toBe(3);
  });

  it('a worker that dies while idle is replaced only when work waits for it', async () => {
    const url = new URL('./fixtures/diesIdle.worker.ts', import.meta.url);
    const counter = new WorkerCounter(() => new Worker(url, { type: 'module' }));
    const p = pool({ size: 1, createWorker: counter.create });
    await p.ready;
    await sleep(400); // it died after 100 ms; an eager restart would have made more by now, and so on for ever
    expect(counter.made).toBe(1);
    expect(p.stats()).toMatchObject({ replaced: 1, busy: 0 });
    expect(await p.submit(fibJob(13))).toEqual([233]);
    expect(counter.made).toBe(2);
  });

  it('a result the page cannot deserialize (messageerror) rejects its chunk with MessageError; the worker stays', async () => {
    const counter = new WorkerCounter();
    const p = pool({ size: 1, createWorker: counter.create });
    await p.ready;
    const running = p.submit(fibJob(30));
    // Chromium raises `messageerror` only for payloads that cannot cross between agent clusters, which a test page
    // cannot produce from its own worker: the event is dispatched on the worker as the browser would.
    counter.workers[0]!.dispatchEvent(new MessageEvent('messageerror'));
    await expect(running).rejects.toBeInstanceOf(MessageError);
    expect(p.stats()).toMatchObject({ failed: 1, replaced: 0, busy: 0 });
    expect(await p.submit(fibJob(11))).toEqual([89]);
    expect(counter.made).toBe(1);
  });
});

describe('lifetimes', () => {
  it('releases its pools: none of 200 shut-down pools is retained', async () => {
    let collected = 0;
    const registry = new FinalizationRegistry<void>(() => collected++);
    const lifecycles = 200;
    // One in four runs a chunk to the end; the others are shut down while their worker is still starting (as a
    // cancelled sweep does), which makes the same objects and listeners without waiting for a worker to load.
    async function lifecycle(index: number): Promise<void> {
      const p = createPool({ size: 1 });
      registry.register(p);
      const future = p.submit(fibJob(5));
      if (index % 4 === 0) {
        expect(await future).toEqual([5]);
        await p.shutdown();
      } else {
        future.catch(() => {});
        await p.shutdown({ cancelPending: true });
      }
    }
    const started = performance.now();
    for (let done = 0; done < lifecycles; done += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => lifecycle(done + i)));
    }
    console.log(`${lifecycles} pool lifecycles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // No gc() in the page: allocate until the collector has run and the registry has reported (bounded).
    const deadline = performance.now() + 15_000;
    while (collected < lifecycles && performance.now() < deadline) {
      garbage(200_000);
      await sleep(50);
    }
    expect(collected).toBe(lifecycles);
  }, 60_000);
});

/** A pool survives what is not its kernel's fault: time limits, uncloneable arguments, throwing callbacks, dead workers. */
import { describe, expect, it } from 'vitest';
import type { Job } from '../../workers/kernels';
import {
  ArgumentError,
  CallbackError,
  CancelledError,
  createPool,
  MessageError,
  TimeoutError,
  type TraceEvent,
} from '../../src/pool';
import { sleep } from '../../src/sleep';
import { computeUrl, countedPool, fibJob, slowJob, WorkerCounter, trackedPools } from './poolHarness';

const pool = trackedPools();

/** Makes `count` short-lived objects: pressure that makes the collector run. Returns a number so none is optimised away. */
function garbage(count: number): number {
  const junk: { i: number }[] = [];
  for (let i = 0; i < count; i++) junk.push({ i });
  return junk.length;
}

describe('time limits', () => {
  it('a chunk past its timeout rejects with TimeoutError, its worker is replaced, the next job runs', async () => {
    const { counter, p } = await countedPool(pool, 1);
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
    const { counter, p } = await countedPool(pool, 1);
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
    const { counter, p } = await countedPool(pool, 1);
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
    // A full collection a round (the browser project exposes gc(); elsewhere, allocate until the collector runs),
    // then a task for the registry's callbacks; bounded.
    const collect = (globalThis as { gc?: () => void }).gc ?? (() => garbage(200_000));
    const deadline = performance.now() + 30_000;
    while (collected < lifecycles && performance.now() < deadline) {
      collect();
      await sleep(50);
    }
    expect(collected).toBe(lifecycles);
  }, 60_000);
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../workers/kernels';
import { fib } from '../../workers/kernels/fib';
import { simulatedCluster, type SimulatedCluster } from '../../src/machines/cluster';
import { measureRecovery, measureThroughput } from '../../src/machines/measure';
import { memoryStore } from '../../src/machines/store';
import { indexedDbStore } from '../../src/machines/store';
import { Broker } from '../../src/machines/broker';
import { runBatch } from '../../src/machines/batch';
import { createHub } from '../../src/machines/bus';
import { hostBroker } from '../../src/machines/brokerHost';
import { Client } from '../../src/machines/client';
import { Machine } from '../../src/machines/machine';
import { fibTask } from '../../src/tasks/fib';
import { seededRandom } from '../../src/random';

/**
 * The machines job queue inside one page: the broker, a client and simulated machines, each with a real worker pool,
 * on a page-only hub. The cross-tab version is the end-to-end test; this one covers the faults a page can inject.
 */
const clusters: SimulatedCluster[] = [];
async function cluster(options: Parameters<typeof simulatedCluster>[0]): Promise<SimulatedCluster> {
  const created = await simulatedCluster(options);
  clusters.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(clusters.splice(0).map((c) => c.close()));
});

const fibJob = (n: number): Job => ({ kernel: 'fibBatch', args: [[n]] });

describe('a simulated cluster', () => {
  it('spreads a batch over its machines and merges results equal to fib, each recorded once', async () => {
    const { client, host, machines } = await cluster({ machines: 3, cores: 1 });
    const ns = Array.from({ length: 30 }, (_, i) => 15 + (i % 10));
    const result = await client.run('batch', ns.map(fibJob));
    expect(result.values).toEqual(ns.map((n) => [fib(n)]));
    expect(result.failed).toEqual([]);
    const done = host.broker!.machines().map((machine) => machine.done);
    expect(done.reduce((a, b) => a + b, 0)).toBe(30);
    expect(done.every((count) => count > 0)).toBe(true); // every machine took a share
    expect(machines.map((machine) => machine.view().status)).toEqual(['connected', 'connected', 'connected']);
  });

  it('runs a playground task as a batch whose merged result equals the single-machine result', async () => {
    const { client } = await cluster({ machines: 2, cores: 1 });
    const outcome = await runBatch(client, 'task', fibTask, { n: 22, k: 24 }, 8);
    expect(outcome.equal).toBe(true);
    expect(outcome.result).toEqual(Array.from({ length: 24 }, () => fib(22)));
    expect(outcome.run.values).toHaveLength(8);
    expect(outcome.ms).toBeGreaterThan(0);
    expect(outcome.singleMs).toBeGreaterThan(0);
  });

  it('pays the simulated latency each way: a job’s round trip costs at least twice it', async () => {
    const { client } = await cluster({ machines: 1, cores: 1, network: { latencyMs: 150 } });
    await client.run('warm-up', [fibJob(1)]);
    const start = performance.now();
    const result = await client.run('far', [fibJob(2)]);
    expect(result.values).toEqual([[1]]);
    expect(performance.now() - start).toBeGreaterThanOrEqual(2 * 150 - 2);
  });

  it('retries a job whose kernel throws, with backoff, then lists it as failed with its message', async () => {
    const { client, host } = await cluster({ machines: 2, cores: 1, config: { maxRetries: 2, backoffMs: 20 } });
    const result = await client.run('bad', [fibJob(10), fibJob(99), fibJob(11)]);
    expect(result.values).toEqual([[55], undefined, [89]]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.index).toBe(1);
    expect(result.failed[0]!.errors).toHaveLength(3);
    expect(result.failed[0]!.errors[2]).toMatch(/attempt 3: .*fib n must be an integer from 0 to 42, got 99/);
    const job = host.broker!.job('bad/1')!;
    expect(job).toMatchObject({ state: 'failed', attempts: 3 });
    expect(host.broker!.counters.retries).toBe(2);
    expect(host.broker!.events().filter((event) => event.kind === 'failed for good')).toHaveLength(1);
  });

  it('stops an attempt past its time limit (its worker is replaced) and fails the job after its retries', async () => {
    // Three fib(42) take many seconds; fib(5), prefetched behind it, waits for the fresh worker (its time limit not yet
    // running). The limit is long enough for a fresh worker to start and run fib(5) on a loaded machine.
    const { client, host } = await cluster({
      machines: 1,
      cores: 1,
      config: { timeLimitMs: 2000, maxRetries: 1, backoffMs: 10 },
    });
    const result = await client.run('slow', [{ kernel: 'fibBatch', args: [[42, 42, 42]] }, fibJob(5)], {
      timeoutMs: 30_000,
    });
    expect(result.values).toEqual([undefined, [5]]);
    expect(result.failed[0]!.errors).toEqual([
      expect.stringMatching(/attempt 1: ran past its time limit of 2000 ms/),
      expect.stringMatching(/attempt 2: ran past its time limit of 2000 ms/),
    ]);
    expect(host.broker!.counters.timeLimits).toBe(2);
  });

  it('retries a job whose worker crashed mid-run, and its machine lives on', async () => {
    const { client, host, machines } = await cluster({ machines: 1, cores: 1, config: { backoffMs: 10 } });
    const run = client.run('crash', [fibJob(34)], { timeoutMs: 20_000 });
    await expect.poll(() => machines[0]!.view().running.length, { timeout: 10_000 }).toBe(1);
    expect(machines[0]!.crashWorker()).toBe(true);
    const result = await run;
    expect(result.values).toEqual([[fib(34)]]);
    const job = host.broker!.job('crash/0')!;
    expect(job.attempts).toBe(2);
    expect(job.errors).toEqual([expect.stringMatching(/attempt 1: its worker crashed/)]);
    expect(machines[0]!.view().status).toBe('connected');
  });

  it('ignores and counts malformed and foreign messages, and keeps working', async () => {
    const { client, host, hub } = await cluster({ machines: 1, cores: 1 });
    const rogue = hub.connect();
    rogue.post({ type: 'heartbeat', from: '', info: null, running: 3 } as never);
    rogue.post({ type: 'no such type' } as never);
    rogue.post({ type: 'done', from: 'x', job: 'nope', attempt: -1, value: 1 } as never);
    const result = await client.run('after-noise', [fibJob(20)]);
    expect(result.values).toEqual([[6765]]);
    expect(host.broker!.counters.ignoredMessages).toBe(3);
    rogue.close();
  });

  it('loses nothing over a lossy, slow network: leases bring back every lost message', async () => {
    const { client, host } = await cluster({
      machines: 3,
      cores: 1,
      // Each lost message costs an attempt: enough retries that a job is never failed for good by loss alone.
      config: { leaseMs: 300, maxRetries: 20 },
      network: { latencyMs: 5, lossRate: 0.15, random: seededRandom(7) },
    });
    const ns = Array.from({ length: 40 }, (_, i) => 10 + (i % 12));
    const result = await client.run('lossy', ns.map(fibJob), { timeoutMs: 25_000 });
    expect(result.failed).toEqual([]);
    expect(result.values).toEqual(ns.map((n) => [fib(n)]));
    const jobs = host.broker!.jobs('lossy');
    expect(jobs.every((job) => job.state === 'finished')).toBe(true);
    expect(host.broker!.counters.leaseExpiries).toBeGreaterThan(0); // the loss did happen, and was recovered
  });

  it('tells a waiting client its run ended at once, not at the next periodic monitor', async () => {
    const hub = createHub(`idle-${crypto.randomUUID().slice(0, 8)}`, null);
    // A monitor a minute apart: only the one sent when the last job comes back can end this run in time.
    const host = hostBroker({ hub, store: memoryStore(), elect: false, monitorEveryMs: 60_000 });
    await host.elected;
    const machine = new Machine({ hub, cores: 1, simulated: true });
    const client = new Client({ hub });
    try {
      const result = await client.run('quick', [fibJob(5), fibJob(6)], { timeoutMs: 15_000 });
      expect(result.values).toEqual([[5], [8]]);
    } finally {
      client.close();
      await machine.stop();
      await host.stop();
      hub.close();
    }
  });

  it('persists its state in IndexedDB: a new broker resumes the stored queue', async () => {
    const name = `browser-test-${crypto.randomUUID().slice(0, 8)}`;
    const broker = new Broker({ leaseMs: 1000 });
    broker.enqueue([{ id: 'r/0', run: 'r', job: fibJob(3) }], 0);
    broker.heartbeat('m', { label: 'm', cores: 1, slots: 1, simulated: true }, [], 0);
    broker.dispatch(0);
    broker.complete('m', 'r/0', 1, [2], 5);
    await indexedDbStore.save(name, broker.snapshot());
    const loaded = await indexedDbStore.load(name);
    expect(loaded).toEqual(broker.snapshot());
    expect(new Broker({}, loaded).job('r/0')).toMatchObject({ state: 'finished', value: [2] });
    await indexedDbStore.remove(name);
    expect(await indexedDbStore.load(name)).toBeUndefined();
    expect(await memoryStore().load(name)).toBeUndefined();
  });
});

describe('the machines benchmark', () => {
  it('puts empty jobs through the broker and reports a throughput', async () => {
    const figure = await measureThroughput({ machines: 2, cores: 1, jobs: 2000 });
    console.log(`machines throughput: ${JSON.stringify(figure)}`);
    expect(figure.duplicates).toBe(0);
    // A generous floor: the target is 2,000 jobs/s; this only catches a broker that has become pathological.
    expect(figure.jobsPerSecond).toBeGreaterThan(200);
  });

  it('brings a dead machine’s job back within about a lease', async () => {
    const figure = await measureRecovery({ leaseMs: 400 });
    console.log(`machines recovery: ${JSON.stringify(figure)}`);
    expect(figure.recoveryMs).toBeGreaterThanOrEqual(400);
    expect(figure.recoveryMs).toBeLessThan(400 * 3);
  });
});

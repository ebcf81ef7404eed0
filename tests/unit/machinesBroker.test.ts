import { describe, expect, it } from 'vitest';
import { Broker, type MachineInfo } from '../../src/machines/broker';
import type { JobSpec } from '../../src/machines/types';
import { drawInteger, seededRandom } from '../../src/random';

const info = (slots: number, label = 'machine'): MachineInfo => ({ label, cores: slots, slots, simulated: true });

/** `n` fib jobs of run `run`, ids `run/0` … */
function specs(n: number, run = 'r'): JobSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${run}/${i}`,
    run,
    job: { kernel: 'fibBatch', args: [[i % 10]] },
  }));
}

const config = { leaseMs: 1000, maxRetries: 2, backoffMs: 100, maxBackoffMs: 1000, timeLimitMs: 5000 };

describe('Broker', () => {
  it('hands jobs round the machines up to their free slots, and no further', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(7), 0);
    broker.heartbeat('a', info(2), [], 0);
    broker.heartbeat('b', info(3), [], 0);
    const assignments = broker.dispatch(0);
    expect(assignments.map(({ machine, jobs }) => [machine, jobs.map((job) => job.id)])).toEqual([
      ['a', ['r/0', 'r/2']],
      ['b', ['r/1', 'r/3', 'r/4']],
    ]);
    expect(broker.countStates()).toEqual({ queued: 2, started: 5, finished: 0, failed: 0 });
    expect(broker.dispatch(0)).toEqual([]);
    broker.complete('a', 'r/0', 1, 0, 10);
    expect(broker.dispatch(10)).toEqual([{ machine: 'a', jobs: [expect.objectContaining({ id: 'r/5', attempt: 1 })] }]);
  });

  it('enqueue is idempotent: an id seen before is ignored and counted', () => {
    const broker = new Broker(config);
    expect(broker.enqueue(specs(3), 0)).toEqual({ accepted: 3, duplicates: 0 });
    expect(broker.enqueue(specs(5), 1)).toEqual({ accepted: 2, duplicates: 3 });
    expect(broker.countStates().queued).toBe(5);
    expect(broker.counters.duplicateEnqueues).toBe(3);
  });

  it('an expired lease puts the job back at the front and another machine runs it', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(3), 0);
    broker.heartbeat('a', info(1), [], 0);
    expect(broker.dispatch(0)[0]?.jobs[0]?.id).toBe('r/0');
    broker.heartbeat('b', info(1), [], 500);
    broker.dispatch(500); // b takes r/1
    broker.heartbeat('b', info(1), ['r/1'], 900);
    expect(broker.tick(1000)).toEqual([]); // lease runs to 1000 exactly: not expired yet
    expect(broker.job('r/0')?.state).toBe('started');
    broker.tick(1001);
    expect(broker.job('r/0')).toMatchObject({ state: 'queued', attempts: 1, machine: undefined });
    expect(broker.machines().find((m) => m.id === 'a')?.gone).toBe(true);
    expect(broker.counters).toMatchObject({ leaseExpiries: 1, retries: 1 });
    broker.complete('b', 'r/1', 1, 1, 1100);
    expect(broker.dispatch(1100)).toEqual([
      { machine: 'b', jobs: [expect.objectContaining({ id: 'r/0', attempt: 2 })] },
    ]);
    expect(broker.events().map((event) => event.kind)).toEqual(['joined', 'joined', 'lease expired', 'retry', 'gone']);
  });

  it('heartbeats renew only the leases the machine still holds', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(2), 0);
    broker.heartbeat('a', info(2), [], 0);
    broker.dispatch(0);
    for (let t = 800; t <= 4000; t += 800) {
      broker.heartbeat('a', info(2), ['r/0'], t); // r/1 is not mentioned: its lease is not renewed
      broker.tick(t);
    }
    expect(broker.job('r/0')).toMatchObject({ state: 'started', attempts: 1, leaseUntil: 4000 + 1000 });
    // r/1 was never named, so its lease ran out at 1000 and it went back to the queue.
    expect(broker.job('r/1')).toMatchObject({ state: 'queued', attempts: 1 });
    expect(broker.counters.leaseExpiries).toBe(1);
  });

  it('failed attempts back off exponentially and stop at the maximum, keeping every error', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(1), 0);
    broker.heartbeat('a', info(1), [], 0);
    const notBefore: number[] = [];
    let now = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [assignment] = broker.dispatch(now);
      expect(assignment?.jobs[0]?.attempt).toBe(attempt);
      expect(broker.fail('a', 'r/0', attempt, 'boom', now + 10)).toBe(attempt <= 2 ? 'retry' : 'failed');
      notBefore.push(broker.job('r/0')!.notBefore - (now + 10));
      // Not before the backoff has passed:
      broker.heartbeat('a', info(1), [], now + 10);
      if (attempt <= 2) expect(broker.dispatch(now + 10)).toEqual([]);
      now = broker.job('r/0')!.notBefore;
      broker.heartbeat('a', info(1), [], now);
    }
    expect(notBefore.slice(0, 2)).toEqual([100, 200]);
    expect(broker.job('r/0')).toMatchObject({ state: 'failed', attempts: 3 });
    expect(broker.job('r/0')!.errors).toEqual(['attempt 1: boom', 'attempt 2: boom', 'attempt 3: boom']);
    expect(broker.dispatch(now + 10_000)).toEqual([]);
  });

  it('an attempt over its time limit is revoked and retried', () => {
    const broker = new Broker({ ...config, timeLimitMs: 300 });
    broker.enqueue(specs(1), 0);
    broker.heartbeat('a', info(1), [], 0);
    broker.dispatch(0);
    // Prefetched: it waits on its machine, and the limit does not run yet.
    broker.heartbeat('a', info(1), ['r/0'], 400);
    expect(broker.tick(400)).toEqual([]);
    broker.running('a', 'r/0', 1, 500);
    broker.heartbeat('a', info(1), ['r/0'], 750);
    expect(broker.tick(800)).toEqual([]);
    expect(broker.tick(801)).toEqual([{ machine: 'a', job: 'r/0', attempt: 1 }]);
    expect(broker.job('r/0')).toMatchObject({ state: 'queued', notBefore: 901 });
    expect(broker.counters.timeLimits).toBe(1);
    // The revoked attempt's failure report arrives later: stale, counted, changes nothing.
    expect(broker.fail('a', 'r/0', 1, 'cancelled', 820)).toBe('stale');
    expect(broker.counters.staleFailures).toBe(1);
  });

  it('records a job that ran twice once, and counts the duplicate execution', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(1), 0);
    broker.heartbeat('slow', info(1), [], 0);
    broker.dispatch(0);
    broker.tick(1500); // slow stopped heartbeating (its tab froze): the lease expires
    broker.heartbeat('fast', info(1), [], 1500);
    expect(broker.dispatch(1500)[0]).toMatchObject({ machine: 'fast', jobs: [{ attempt: 2 }] });
    expect(broker.complete('fast', 'r/0', 2, 'second', 1600)).toBe('recorded');
    expect(broker.complete('slow', 'r/0', 1, 'first', 1700)).toBe('duplicate');
    expect(broker.job('r/0')).toMatchObject({ state: 'finished', value: 'second', executions: 2 });
    expect(broker.counters.duplicates).toBe(1);
    expect(broker.machines().find((m) => m.id === 'slow')).toMatchObject({ duplicates: 1, done: 0, gone: true }); // back only with its next heartbeat
  });

  it('keeps a late result from an expired lease, and then counts the re-run as the duplicate', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(1), 0);
    broker.heartbeat('slow', info(1), [], 0);
    broker.dispatch(0);
    broker.tick(1500);
    broker.heartbeat('fast', info(1), [], 1500);
    broker.dispatch(1500);
    expect(broker.complete('slow', 'r/0', 1, 'late', 1600)).toBe('recorded');
    expect(broker.complete('fast', 'r/0', 2, 'again', 1700)).toBe('duplicate');
    expect(broker.job('r/0')).toMatchObject({ state: 'finished', value: 'late' });
  });

  it('forgets a run: its jobs are gone, its running attempts are revoked, other runs stay', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(3, 'a'), 0);
    broker.enqueue(specs(2, 'b'), 0);
    broker.heartbeat('m', info(1), [], 0);
    broker.dispatch(0);
    expect(broker.forget('a')).toEqual([{ machine: 'm', job: 'a/0', attempt: 1 }]);
    expect(broker.jobs().map((job) => job.id)).toEqual(['b/0', 'b/1']);
    expect(broker.dispatch(1)).toEqual([{ machine: 'm', jobs: [expect.objectContaining({ id: 'b/0' })] }]);
  });

  it('a machine that leaves gives its jobs back at once', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(2), 0);
    broker.heartbeat('a', info(2), [], 0);
    broker.dispatch(0);
    broker.leave('a', 10);
    expect(broker.countStates()).toEqual({ queued: 2, started: 0, finished: 0, failed: 0 });
    expect(broker.dispatch(10)).toEqual([]); // a is gone: nothing goes to it
  });

  it('survives a snapshot round trip through structured clone, and resumes where it stood', () => {
    const broker = new Broker(config);
    broker.enqueue(specs(6), 0);
    broker.heartbeat('a', info(2), [], 0);
    broker.dispatch(0);
    broker.complete('a', 'r/0', 1, 0, 5);
    broker.fail('a', 'r/1', 1, 'boom', 6);
    const copy = new Broker({}, structuredClone(broker.snapshot()));
    expect(copy.snapshot()).toEqual(broker.snapshot());
    expect(copy.config).toEqual(broker.config);
    // The same next steps give the same answers on both.
    for (const b of [broker, copy]) b.heartbeat('a', info(2), [], 200);
    expect(copy.dispatch(200)).toEqual(broker.dispatch(200));
    expect(copy.countStates()).toEqual({ queued: 3, started: 2, finished: 1, failed: 0 });
  });

  it('loses and duplicates nothing in the results over randomized joins, crashes, freezes and delays (500 jobs)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const broker = new Broker({ ...config, maxRetries: 50 });
      const jobs = specs(500);
      broker.enqueue(jobs, 0);
      interface Sim {
        id: string;
        alive: boolean;
        frozenUntil: number;
        running: { id: string; attempt: number; doneAt: number }[];
      }
      const machines: Sim[] = [];
      let nextMachine = 0;
      const join = () => machines.push({ id: `m${nextMachine++}`, alive: true, frozenUntil: 0, running: [] });
      join();
      join();
      let now = 0;
      let reported = 0;
      while (broker.countStates().finished < 500 && now < 600_000) {
        now += drawInteger(random, 1, 60);
        const roll = random();
        if (roll < 0.01) join();
        else if (roll < 0.02) {
          const live = machines.filter((m) => m.alive);
          if (live.length > 1) live[drawInteger(random, 0, live.length - 1)]!.alive = false; // crash
        } else if (roll < 0.03) {
          const victim = machines[drawInteger(random, 0, machines.length - 1)]!;
          victim.frozenUntil = now + drawInteger(random, 500, 3000); // past the lease, sometimes
        }
        if (machines.every((m) => !m.alive)) join();
        for (const machine of machines) {
          if (!machine.alive || machine.frozenUntil > now) continue;
          for (const run of machine.running.filter((r) => r.doneAt <= now)) {
            // A late message: sometimes the result is delayed behind the freeze; it still arrives.
            broker.complete(machine.id, run.id, run.attempt, `value of ${run.id}`, now);
            reported++;
          }
          machine.running = machine.running.filter((r) => r.doneAt > now);
          broker.heartbeat(
            machine.id,
            info(3, machine.id),
            machine.running.map((r) => r.id),
            now,
          );
        }
        broker.tick(now);
        for (const { machine, jobs: deliveries } of broker.dispatch(now)) {
          const sim = machines.find((m) => m.id === machine)!;
          for (const d of deliveries)
            sim.running.push({ id: d.id, attempt: d.attempt, doneAt: now + drawInteger(random, 5, 400) });
        }
      }
      const finished = broker.jobs('r');
      expect(finished.every((job) => job.state === 'finished')).toBe(true);
      expect(finished.map((job) => job.value)).toEqual(jobs.map((job) => `value of ${job.id}`));
      const executions = finished.reduce((sum, job) => sum + job.executions, 0);
      // Every completion reported is either the one recorded result or a counted duplicate: nothing vanishes.
      expect(executions).toBe(reported);
      expect(broker.counters.duplicates).toBe(executions - 500);
      expect(broker.machines().reduce((sum, m) => sum + m.done, 0)).toBe(500);
    }
  });
});

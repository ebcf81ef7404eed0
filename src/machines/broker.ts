import { BrokerLog } from './brokerLog';
import { attemptFailed, type BrokerContext } from './brokerRetry';
import { recordResult } from './brokerResults';
import {
  NO_COUNTERS,
  newMachineRecord,
  THROUGHPUT_WINDOW_MS,
  type Assignment,
  type BrokerEvent,
  type BrokerSnapshot,
  type Counters,
  type Delivery,
  type MachineInfo,
  type MachineRecord,
  type Revocation,
  type TimelineEntry,
} from './brokerTypes';
import { JobStore } from './jobStore';
import {
  DEFAULT_CONFIG,
  type BrokerConfig,
  type JobId,
  type JobRecord,
  type JobSpec,
  type JobState,
  type MachineId,
} from './types';

export { THROUGHPUT_WINDOW_MS } from './brokerTypes';
export type {
  Assignment,
  BrokerEvent,
  BrokerEventKind,
  BrokerSnapshot,
  Counters,
  Delivery,
  MachineInfo,
  MachineRecord,
  Revocation,
  TimelineEntry,
} from './brokerTypes';

/**
 * The broker's whole logic as a pure state machine: jobs, leases, retries, results, monitoring. No timers, no
 * messages, no storage: every call takes the time (`now`, ms on one clock shared by every tab: `Date.now()`), and the
 * answers say what to send. The transports and the tab that hosts the broker are thin adapters around it.
 *
 * Semantics: SQS-style leases with late acknowledgement (Celery's `acks_late`). A delivered job stays with its
 * machine only while the machine's heartbeats renew the lease; a job is acknowledged by its result, not by its
 * delivery. So delivery is at-least-once: a machine that stops heartbeating loses its jobs to others, and if it was
 * only slow, its late result arrives after a second run — the result backend keeps the first result and counts the
 * duplicate execution.
 */
export class Broker {
  readonly config: BrokerConfig;
  readonly #store: JobStore;
  readonly #machines = new Map<MachineId, MachineRecord>();
  readonly counters: Counters;
  readonly #log: BrokerLog;
  readonly #context: BrokerContext;

  constructor(config: Partial<BrokerConfig> = {}, snapshot?: BrokerSnapshot) {
    this.config = { ...DEFAULT_CONFIG, ...snapshot?.config, ...config };
    this.counters = { ...NO_COUNTERS, ...snapshot?.counters };
    this.#store = new JobStore(snapshot?.jobs, snapshot?.queue);
    this.#log = new BrokerLog(snapshot?.events, snapshot?.timeline);
    this.#context = { config: this.config, counters: this.counters, store: this.#store, log: this.#log };
    for (const machine of snapshot?.machines ?? [])
      this.#machines.set(machine.id, { ...machine, recent: [...machine.recent] });
  }

  snapshot(): BrokerSnapshot {
    return {
      version: 1,
      config: { ...this.config },
      jobs: this.#store.copies(),
      queue: this.#store.queuedIds(),
      machines: [...this.#machines.values()].map((machine) => ({ ...machine, recent: [...machine.recent] })),
      counters: { ...this.counters },
      events: [...this.#log.events],
      timeline: [...this.#log.timeline],
    };
  }

  /** Adds jobs to the back of the queue. An id the broker already knows is ignored (and counted): enqueue is idempotent. */
  enqueue(specs: readonly JobSpec[], now: number): { accepted: number; duplicates: number } {
    let accepted = 0;
    for (const spec of specs) {
      if (this.#store.has(spec.id)) {
        this.counters.duplicateEnqueues++;
        continue;
      }
      this.#store.add(spec, now);
      accepted++;
    }
    this.counters.enqueued += accepted;
    return { accepted, duplicates: specs.length - accepted };
  }

  /**
   * A machine is alive: it joins on its first heartbeat (or again after being taken for gone), and the leases of the
   * jobs it says it is running are renewed. Jobs it names that are no longer its own are not given back to it.
   */
  heartbeat(id: MachineId, info: MachineInfo, running: readonly JobId[], now: number): void {
    let machine = this.#machines.get(id);
    if (!machine) {
      machine = newMachineRecord(id, info, now);
      this.#machines.set(id, machine);
      this.#log.event(now, 'joined', `${info.label} joined with ${info.cores} cores`, id);
    } else {
      Object.assign(machine, info);
      if (machine.gone) this.#log.event(now, 'joined', `${info.label} is back`, id);
    }
    machine.lastSeen = now;
    machine.gone = false;
    for (const jobId of running) {
      const job = this.#store.get(jobId);
      if (job?.state === 'started' && job.machine === id) job.leaseUntil = now + this.config.leaseMs;
    }
  }

  /** A machine said goodbye (its tab is closing): its jobs go back to the queue now instead of after the lease. */
  leave(id: MachineId, now: number): void {
    const machine = this.#machines.get(id);
    if (!machine || machine.gone) return;
    machine.gone = true;
    this.#log.event(now, 'gone', `${machine.label} left`, id);
    for (const jobId of [...this.#store.started]) {
      const job = this.#store.get(jobId);
      if (job?.machine === id)
        attemptFailed(this.#context, job, 'lease expired', `${machine.label} left while running it`, now);
    }
  }

  /**
   * Hands queued jobs to live machines with free slots, one at a time round the machines so work spreads evenly.
   * A machine's free slots are its slots minus the jobs it holds leases on.
   */
  dispatch(now: number): Assignment[] {
    const free = new Map<MachineId, number>();
    for (const machine of this.#machines.values()) {
      if (!machine.gone && now - machine.lastSeen <= this.config.leaseMs) free.set(machine.id, machine.slots);
    }
    for (const jobId of this.#store.started) {
      const holder = this.#store.get(jobId)?.machine;
      if (holder !== undefined && free.has(holder)) free.set(holder, (free.get(holder) ?? 0) - 1);
    }
    const out = new Map<MachineId, Delivery[]>();
    this.#store.releaseDue(now);
    let machines = [...free.entries()].filter(([, slots]) => slots > 0).map(([id]) => id);
    while (machines.length > 0 && this.#store.queued > 0) {
      const next: MachineId[] = [];
      for (const machineId of machines) {
        const job = this.#store.nextReady(now);
        if (!job) break;
        const delivery = this.#store.deliver(job, machineId, now, this.config);
        this.counters.deliveries++;
        const batch = out.get(machineId);
        if (batch) batch.push(delivery);
        else out.set(machineId, [delivery]);
        const left = (free.get(machineId) ?? 0) - 1;
        free.set(machineId, left);
        if (left > 0) next.push(machineId);
      }
      machines = next;
    }
    return [...out.entries()].map(([machine, jobs]) => ({ machine, jobs }));
  }

  /**
   * A result arrived. The first result of a job is kept, whichever attempt sent it (a late result from an expired
   * lease is still a right answer); every later one is a duplicate execution, counted and dropped.
   */
  complete(
    machineId: MachineId,
    jobId: JobId,
    attempt: number,
    value: unknown,
    now: number,
  ): 'recorded' | 'duplicate' | 'unknown' {
    const job = this.#store.get(jobId);
    if (!job) return 'unknown';
    const machine = this.#touch(machineId, now);
    return recordResult(this.#context, job, machineId, machine, attempt, value, now);
  }

  /** The machine put the attempt on a core: its time limit starts now. */
  running(machineId: MachineId, jobId: JobId, attempt: number, now: number): void {
    const job = this.#store.get(jobId);
    this.#touch(machineId, now);
    if (job?.state === 'started' && job.attempts === attempt && job.machine === machineId) job.runningSince = now;
  }

  /** An attempt failed on its machine (the kernel threw, the worker crashed). Stale attempts are only counted. */
  fail(
    machineId: MachineId,
    jobId: JobId,
    attempt: number,
    error: string,
    now: number,
  ): 'retry' | 'failed' | 'stale' | 'unknown' {
    const job = this.#store.get(jobId);
    if (!job) return 'unknown';
    const machine = this.#touch(machineId, now);
    if (job.state !== 'started' || job.attempts !== attempt || job.machine !== machineId) {
      this.counters.staleFailures++;
      return 'stale';
    }
    if (machine) machine.failed++;
    return attemptFailed(this.#context, job, 'error', error, now);
  }

  /**
   * Lets time pass: expired leases and attempts over their time limit go back to the queue (or to the failed list),
   * silent machines are marked gone. Returns the attempts whose machines should stop them.
   */
  tick(now: number): Revocation[] {
    const revocations: Revocation[] = [];
    for (const jobId of [...this.#store.started]) {
      const job = this.#store.get(jobId);
      if (!job?.machine) continue;
      const limit = job.timeLimitMs ?? this.config.timeLimitMs;
      if (now - job.runningSince > limit) {
        revocations.push({ machine: job.machine, job: job.id, attempt: job.attempts });
        this.counters.timeLimits++;
        attemptFailed(this.#context, job, 'time limit', `ran past its time limit of ${limit} ms`, now);
      } else if (now > job.leaseUntil) {
        const silence = `no heartbeat from its machine for ${this.config.leaseMs} ms`;
        attemptFailed(this.#context, job, 'lease expired', silence, now);
      }
    }
    for (const machine of this.#machines.values()) {
      machine.recent = machine.recent.filter((at) => now - at <= THROUGHPUT_WINDOW_MS);
      if (!machine.gone && now - machine.lastSeen > this.config.leaseMs) {
        machine.gone = true;
        this.#log.event(now, 'gone', `${machine.label} stopped heartbeating`, machine.id);
      }
    }
    return revocations;
  }

  /** Changes the promises from now on: leases and time limits already running keep the terms they were given. */
  configure(config: Partial<BrokerConfig>): void {
    Object.assign(this.config, config);
  }

  /** Counts a malformed or foreign message the transport ignored. */
  ignored(): void {
    this.counters.ignoredMessages++;
  }

  job(id: JobId): Readonly<JobRecord> | undefined {
    return this.#store.get(id);
  }

  jobs(run?: string): Readonly<JobRecord>[] {
    return this.#store.list(run);
  }

  machines(): readonly Readonly<MachineRecord>[] {
    return [...this.#machines.values()];
  }

  events(): readonly BrokerEvent[] {
    return this.#log.events;
  }

  timeline(): readonly TimelineEntry[] {
    return this.#log.timeline;
  }

  /** How many jobs are out on machines now (state `started`). */
  get inFlight(): number {
    return this.#store.started.size;
  }

  /** How many jobs are in each state, optionally in one run. */
  countStates(run?: string): Record<JobState, number> {
    return this.#store.countStates(run);
  }

  /** The earliest time a backoff ends, so a host can sleep until then; NaN when no job waits. */
  nextWake(): number {
    return this.#store.nextWake();
  }

  /**
   * Drops a run's jobs (a client cancelling it, or clearing a finished one: Celery's `revoke`), so the store does
   * not grow without bound. Returns the attempts still running, for their machines to stop.
   */
  forget(run: string): Revocation[] {
    return this.#store.forget(run);
  }

  #touch(id: MachineId, now: number): MachineRecord | undefined {
    const machine = this.#machines.get(id);
    if (machine) machine.lastSeen = Math.max(machine.lastSeen, now);
    return machine;
  }
}

import type { Job } from '../../workers/kernels';
import { Deque } from './deque';
import {
  DEFAULT_CONFIG,
  type BrokerConfig,
  type JobId,
  type JobRecord,
  type JobSpec,
  type JobState,
  type MachineId,
} from './types';

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

/** What a machine says about itself with every heartbeat. */
export interface MachineInfo {
  label: string;
  cores: number;
  /** How many jobs it takes at once (its pool's size, plus any prefetch). */
  slots: number;
  /** A simulated machine inside a page, not a tab of its own. */
  simulated: boolean;
}

export interface MachineRecord extends MachineInfo {
  id: MachineId;
  joinedAt: number;
  lastSeen: number;
  /** Set when its heartbeat stopped (lease-length silence) or it said goodbye; cleared if it comes back. */
  gone: boolean;
  done: number;
  failed: number;
  duplicates: number;
  /** Broker times of its recent completions, for throughput over `THROUGHPUT_WINDOW_MS`. */
  recent: number[];
}

/** One attempt of one job, for the per-machine timeline. */
export interface TimelineEntry {
  job: JobId;
  attempt: number;
  machine: MachineId;
  start: number;
  end: number;
  outcome: 'done' | 'duplicate' | 'error' | 'lease expired' | 'time limit';
}

export type BrokerEventKind =
  'joined' | 'gone' | 'lease expired' | 'time limit' | 'retry' | 'failed for good' | 'duplicate' | 'late result';

export interface BrokerEvent {
  at: number;
  kind: BrokerEventKind;
  machine?: MachineId;
  job?: JobId;
  detail: string;
}

/** A job handed to a machine. */
export interface Delivery {
  id: JobId;
  run: string;
  job: Job;
  attempt: number;
  timeLimitMs: number;
}

export interface Assignment {
  machine: MachineId;
  jobs: Delivery[];
}

/** A running attempt the broker gave up on (time limit): its machine should stop it. */
export interface Revocation {
  machine: MachineId;
  job: JobId;
  attempt: number;
}

export interface Counters {
  enqueued: number;
  /** Enqueues of an id the broker already had: ignored, the client's retry made safe. */
  duplicateEnqueues: number;
  deliveries: number;
  /** Jobs put back in the queue after a failed attempt (error, expired lease or time limit). */
  retries: number;
  leaseExpiries: number;
  timeLimits: number;
  /** Completions of a job that already had its result: executions beyond the first. */
  duplicates: number;
  /** Failures reported for an attempt the broker had already given up on. */
  staleFailures: number;
  /** Messages on the channel that were malformed or foreign: ignored and counted. */
  ignoredMessages: number;
}

/** Everything the broker keeps, as plain data: what is persisted, and what a new broker resumes from. */
export interface BrokerSnapshot {
  version: 1;
  config: BrokerConfig;
  jobs: JobRecord[];
  /** Queued job ids in delivery order. */
  queue: JobId[];
  machines: MachineRecord[];
  counters: Counters;
  events: BrokerEvent[];
  timeline: TimelineEntry[];
}

export const THROUGHPUT_WINDOW_MS = 5000;
const MAX_EVENTS = 200;
const MAX_TIMELINE = 2000;

const NO_COUNTERS: Counters = {
  enqueued: 0,
  duplicateEnqueues: 0,
  deliveries: 0,
  retries: 0,
  leaseExpiries: 0,
  timeLimits: 0,
  duplicates: 0,
  staleFailures: 0,
  ignoredMessages: 0,
};

/** Where an attempt starts on the timeline: when it began running, or else when it was handed out. */
const startOf = (job: JobRecord) => (Number.isFinite(job.runningSince) ? job.runningSince : job.startedAt);

export class Broker {
  readonly config: BrokerConfig;
  readonly #jobs = new Map<JobId, JobRecord>();
  /** Queued ids in order; ids of jobs no longer queued are skipped lazily when met. */
  #queue = new Deque<JobId>();
  /** Queued ids waiting out a backoff, in no order; they join the back of the queue when it ends. */
  #delayed: JobId[] = [];
  readonly #machines = new Map<MachineId, MachineRecord>();
  /** Ids of started jobs, so lease and time-limit checks never scan finished work. */
  readonly #started = new Set<JobId>();
  readonly counters: Counters;
  #events: BrokerEvent[] = [];
  #timeline: TimelineEntry[] = [];

  constructor(config: Partial<BrokerConfig> = {}, snapshot?: BrokerSnapshot) {
    this.config = { ...DEFAULT_CONFIG, ...snapshot?.config, ...config };
    this.counters = { ...NO_COUNTERS, ...snapshot?.counters };
    if (!snapshot) return;
    for (const job of snapshot.jobs) {
      this.#jobs.set(job.id, { ...job, errors: [...job.errors] });
      if (job.state === 'started') this.#started.add(job.id);
    }
    this.#queue = new Deque(snapshot.queue.filter((id) => this.#jobs.get(id)?.state === 'queued'));
    for (const machine of snapshot.machines)
      this.#machines.set(machine.id, { ...machine, recent: [...machine.recent] });
    this.#events = [...snapshot.events];
    this.#timeline = [...snapshot.timeline];
  }

  snapshot(): BrokerSnapshot {
    return {
      version: 1,
      config: { ...this.config },
      jobs: [...this.#jobs.values()].map((job) => ({ ...job, errors: [...job.errors] })),
      queue: [...this.#queue.toArray(), ...this.#delayed].filter((id) => this.#jobs.get(id)?.state === 'queued'),
      machines: [...this.#machines.values()].map((machine) => ({ ...machine, recent: [...machine.recent] })),
      counters: { ...this.counters },
      events: [...this.#events],
      timeline: [...this.#timeline],
    };
  }

  /** Adds jobs to the back of the queue. An id the broker already knows is ignored (and counted): enqueue is idempotent. */
  enqueue(specs: readonly JobSpec[], now: number): { accepted: number; duplicates: number } {
    let accepted = 0;
    for (const spec of specs) {
      if (this.#jobs.has(spec.id)) {
        this.counters.duplicateEnqueues++;
        continue;
      }
      this.#jobs.set(spec.id, {
        ...spec,
        state: 'queued',
        attempts: 0,
        machine: undefined,
        leaseUntil: Number.NaN,
        startedAt: Number.NaN,
        runningSince: Number.NaN,
        notBefore: now,
        enqueuedAt: now,
        finishedAt: Number.NaN,
        value: undefined,
        errors: [],
        executions: 0,
      });
      this.#queue.pushBack(spec.id);
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
      machine = {
        id,
        ...info,
        joinedAt: now,
        lastSeen: now,
        gone: false,
        done: 0,
        failed: 0,
        duplicates: 0,
        recent: [],
      };
      this.#machines.set(id, machine);
      this.#event(now, 'joined', `${info.label} joined with ${info.cores} cores`, id);
    } else {
      Object.assign(machine, info);
      if (machine.gone) this.#event(now, 'joined', `${info.label} is back`, id);
    }
    machine.lastSeen = now;
    machine.gone = false;
    for (const jobId of running) {
      const job = this.#jobs.get(jobId);
      if (job?.state === 'started' && job.machine === id) job.leaseUntil = now + this.config.leaseMs;
    }
  }

  /** A machine said goodbye (its tab is closing): its jobs go back to the queue now instead of after the lease. */
  leave(id: MachineId, now: number): void {
    const machine = this.#machines.get(id);
    if (!machine || machine.gone) return;
    machine.gone = true;
    this.#event(now, 'gone', `${machine.label} left`, id);
    for (const jobId of [...this.#started]) {
      const job = this.#jobs.get(jobId);
      if (job?.machine === id) this.#attemptFailed(job, 'lease expired', `${machine.label} left while running it`, now);
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
    for (const jobId of this.#started) {
      const holder = this.#jobs.get(jobId)?.machine;
      if (holder !== undefined && free.has(holder)) free.set(holder, (free.get(holder) ?? 0) - 1);
    }
    const out = new Map<MachineId, Delivery[]>();
    const due = this.#delayed.filter((id) => (this.#jobs.get(id)?.notBefore ?? 0) <= now);
    if (due.length > 0) {
      this.#delayed = this.#delayed.filter((id) => (this.#jobs.get(id)?.notBefore ?? 0) > now);
      for (const id of due) this.#queue.pushBack(id);
    }
    let machines = [...free.entries()].filter(([, slots]) => slots > 0).map(([id]) => id);
    while (machines.length > 0 && this.#queue.size > 0) {
      const next: MachineId[] = [];
      for (const machineId of machines) {
        const job = this.#nextReady(now);
        if (!job) break;
        job.state = 'started';
        job.machine = machineId;
        job.attempts++;
        job.startedAt = now;
        job.runningSince = Number.NaN;
        job.leaseUntil = now + this.config.leaseMs;
        this.#started.add(job.id);
        this.counters.deliveries++;
        const delivery = {
          id: job.id,
          run: job.run,
          job: job.job,
          attempt: job.attempts,
          timeLimitMs: job.timeLimitMs ?? this.config.timeLimitMs,
        };
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
    const job = this.#jobs.get(jobId);
    if (!job) return 'unknown';
    const machine = this.#touch(machineId, now);
    job.executions++;
    const start = job.machine === machineId && job.attempts === attempt ? startOf(job) : Number.NaN;
    if (job.state === 'finished') {
      this.counters.duplicates++;
      if (machine) machine.duplicates++;
      this.#timelineEntry({ job: jobId, attempt, machine: machineId, start, end: now, outcome: 'duplicate' });
      this.#event(
        now,
        'duplicate',
        `attempt ${attempt} ran again after the result was in; recorded once`,
        machineId,
        jobId,
      );
      return 'duplicate';
    }
    if (job.attempts !== attempt || job.machine !== machineId || job.state !== 'started') {
      this.#event(
        now,
        'late result',
        `attempt ${attempt} finished after its lease was given up; result kept`,
        machineId,
        jobId,
      );
    }
    this.#started.delete(jobId);
    job.state = 'finished';
    job.value = value;
    job.finishedAt = now;
    job.machine = machineId;
    if (machine) {
      machine.done++;
      machine.recent.push(now);
    }
    this.#timelineEntry({ job: jobId, attempt, machine: machineId, start, end: now, outcome: 'done' });
    return 'recorded';
  }

  /** The machine put the attempt on a core: its time limit starts now. */
  running(machineId: MachineId, jobId: JobId, attempt: number, now: number): void {
    const job = this.#jobs.get(jobId);
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
    const job = this.#jobs.get(jobId);
    if (!job) return 'unknown';
    const machine = this.#touch(machineId, now);
    if (job.state !== 'started' || job.attempts !== attempt || job.machine !== machineId) {
      this.counters.staleFailures++;
      return 'stale';
    }
    if (machine) machine.failed++;
    return this.#attemptFailed(job, 'error', error, now);
  }

  /**
   * Lets time pass: expired leases and attempts over their time limit go back to the queue (or to the failed list),
   * silent machines are marked gone. Returns the attempts whose machines should stop them.
   */
  tick(now: number): Revocation[] {
    const revocations: Revocation[] = [];
    for (const jobId of [...this.#started]) {
      const job = this.#jobs.get(jobId);
      if (!job?.machine) continue;
      const limit = job.timeLimitMs ?? this.config.timeLimitMs;
      if (now - job.runningSince > limit) {
        revocations.push({ machine: job.machine, job: job.id, attempt: job.attempts });
        this.counters.timeLimits++;
        this.#attemptFailed(job, 'time limit', `ran past its time limit of ${limit} ms`, now);
      } else if (now > job.leaseUntil) {
        this.#attemptFailed(job, 'lease expired', `no heartbeat from its machine for ${this.config.leaseMs} ms`, now);
      }
    }
    for (const machine of this.#machines.values()) {
      machine.recent = machine.recent.filter((at) => now - at <= THROUGHPUT_WINDOW_MS);
      if (!machine.gone && now - machine.lastSeen > this.config.leaseMs) {
        machine.gone = true;
        this.#event(now, 'gone', `${machine.label} stopped heartbeating`, machine.id);
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
    return this.#jobs.get(id);
  }

  jobs(run?: string): Readonly<JobRecord>[] {
    const all = [...this.#jobs.values()];
    return run === undefined ? all : all.filter((job) => job.run === run);
  }

  machines(): readonly Readonly<MachineRecord>[] {
    return [...this.#machines.values()];
  }

  events(): readonly BrokerEvent[] {
    return this.#events;
  }

  timeline(): readonly TimelineEntry[] {
    return this.#timeline;
  }

  /** How many jobs are in each state, optionally in one run. */
  countStates(run?: string): Record<JobState, number> {
    const counts: Record<JobState, number> = { queued: 0, started: 0, finished: 0, failed: 0 };
    for (const job of this.#jobs.values()) if (run === undefined || job.run === run) counts[job.state]++;
    return counts;
  }

  /** The earliest time a backoff ends, so a host can sleep until then; NaN when no job waits. */
  nextWake(): number {
    let wake = Number.NaN;
    for (const id of this.#delayed) {
      const job = this.#jobs.get(id);
      if (job?.state === 'queued' && !(job.notBefore >= wake)) wake = job.notBefore;
    }
    return wake;
  }

  /**
   * Drops a run's jobs (a client cancelling it, or clearing a finished one: Celery's `revoke`), so the store does
   * not grow without bound. Returns the attempts still running, for their machines to stop.
   */
  forget(run: string): Revocation[] {
    const revocations: Revocation[] = [];
    for (const [id, job] of this.#jobs) {
      if (job.run !== run) continue;
      if (job.state === 'started' && job.machine !== undefined) {
        revocations.push({ machine: job.machine, job: id, attempt: job.attempts });
      }
      this.#jobs.delete(id);
      this.#started.delete(id);
    }
    return revocations;
  }

  /** The first queued job whose backoff is over; jobs still waiting move aside to the delayed list. */
  #nextReady(now: number): JobRecord | undefined {
    for (let id = this.#queue.shift(); id !== undefined; id = this.#queue.shift()) {
      const job = this.#jobs.get(id);
      if (job?.state !== 'queued') continue;
      if (job.notBefore <= now) return job;
      this.#delayed.push(id);
    }
    return undefined;
  }

  #touch(id: MachineId, now: number): MachineRecord | undefined {
    const machine = this.#machines.get(id);
    if (machine) machine.lastSeen = Math.max(machine.lastSeen, now);
    return machine;
  }

  /**
   * The current attempt is over without a result. With retries left the job goes back to the queue: at the front at
   * once when its machine vanished (the job did nothing wrong), after an exponential backoff when it raised or ran
   * too long. Without, it lands in the failed list with its errors.
   */
  #attemptFailed(
    job: JobRecord,
    outcome: 'error' | 'lease expired' | 'time limit',
    error: string,
    now: number,
  ): 'retry' | 'failed' {
    const machine = job.machine;
    this.#started.delete(job.id);
    if (machine !== undefined) {
      this.#timelineEntry({ job: job.id, attempt: job.attempts, machine, start: startOf(job), end: now, outcome });
    }
    if (outcome === 'lease expired') {
      this.counters.leaseExpiries++;
      this.#event(now, 'lease expired', error, machine, job.id);
    } else if (outcome === 'time limit') {
      this.#event(now, 'time limit', error, machine, job.id);
    }
    job.errors.push(`attempt ${job.attempts}: ${error}`);
    job.machine = undefined;
    job.leaseUntil = Number.NaN;
    if (job.attempts > this.config.maxRetries) {
      job.state = 'failed';
      job.finishedAt = now;
      this.#event(now, 'failed for good', `after ${job.attempts} attempts: ${error}`, machine, job.id);
      return 'failed';
    }
    job.state = 'queued';
    this.counters.retries++;
    if (outcome === 'lease expired') {
      job.notBefore = now;
      this.#queue.pushFront(job.id);
    } else {
      const delay = Math.min(this.config.backoffMs * 2 ** (job.attempts - 1), this.config.maxBackoffMs);
      job.notBefore = now + delay;
      this.#delayed.push(job.id);
    }
    this.#event(
      now,
      'retry',
      `attempt ${job.attempts + 1} queued${job.notBefore > now ? ` after ${job.notBefore - now} ms` : ''}`,
      machine,
      job.id,
    );
    return 'retry';
  }

  #event(at: number, kind: BrokerEventKind, detail: string, machine?: MachineId, job?: JobId): void {
    this.#events.push({
      at,
      kind,
      detail,
      ...(machine === undefined ? {} : { machine }),
      ...(job === undefined ? {} : { job }),
    });
    if (this.#events.length > MAX_EVENTS) this.#events.splice(0, this.#events.length - MAX_EVENTS);
  }

  #timelineEntry(entry: TimelineEntry): void {
    this.#timeline.push(entry);
    if (this.#timeline.length > MAX_TIMELINE) this.#timeline.splice(0, this.#timeline.length - MAX_TIMELINE);
  }
}

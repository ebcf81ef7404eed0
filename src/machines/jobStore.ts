import type { Delivery, Revocation } from './brokerTypes';
import { Deque } from './deque';
import type { BrokerConfig, JobId, JobRecord, JobSpec, JobState, MachineId } from './types';

/**
 * The broker's job table and queue: every job record by id, the queued ids in delivery order, the ids waiting out a
 * backoff, and the ids of started jobs. Plain bookkeeping; the broker decides when a job changes state.
 */
export class JobStore {
  readonly #jobs = new Map<JobId, JobRecord>();
  /** Queued ids in order; ids of jobs no longer queued are skipped lazily when met. */
  #queue: Deque<JobId>;
  /** Queued ids waiting out a backoff, in no order; they join the back of the queue when it ends. */
  #delayed: JobId[] = [];
  /** Ids of started jobs, so lease and time-limit checks never scan finished work. */
  readonly started = new Set<JobId>();

  constructor(jobs: readonly JobRecord[] = [], queue: readonly JobId[] = []) {
    for (const job of jobs) {
      this.#jobs.set(job.id, { ...job, errors: [...job.errors] });
      if (job.state === 'started') this.started.add(job.id);
    }
    this.#queue = new Deque(queue.filter((id) => this.#jobs.get(id)?.state === 'queued'));
  }

  get(id: JobId): JobRecord | undefined {
    return this.#jobs.get(id);
  }

  has(id: JobId): boolean {
    return this.#jobs.has(id);
  }

  /** How many ids the queue holds (some may be stale, skipped when met). */
  get queued(): number {
    return this.#queue.size;
  }

  /** Copies of every record, for a snapshot. */
  copies(): JobRecord[] {
    return [...this.#jobs.values()].map((job) => ({ ...job, errors: [...job.errors] }));
  }

  /** The queued ids in delivery order, those waiting out a backoff last. */
  queuedIds(): JobId[] {
    return [...this.#queue.toArray(), ...this.#delayed].filter((id) => this.#jobs.get(id)?.state === 'queued');
  }

  list(run?: string): JobRecord[] {
    const all = [...this.#jobs.values()];
    return run === undefined ? all : all.filter((job) => job.run === run);
  }

  countStates(run?: string): Record<JobState, number> {
    const counts: Record<JobState, number> = { queued: 0, started: 0, finished: 0, failed: 0 };
    for (const job of this.#jobs.values()) if (run === undefined || job.run === run) counts[job.state]++;
    return counts;
  }

  /** A new queued job at the back of the queue. */
  add(spec: JobSpec, now: number): void {
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
  }

  /** Jobs whose backoff is over join the back of the queue. */
  releaseDue(now: number): void {
    const due = this.#delayed.filter((id) => (this.#jobs.get(id)?.notBefore ?? 0) <= now);
    if (due.length === 0) return;
    this.#delayed = this.#delayed.filter((id) => (this.#jobs.get(id)?.notBefore ?? 0) > now);
    for (const id of due) this.#queue.pushBack(id);
  }

  /** The first queued job whose backoff is over; jobs still waiting move aside to the delayed list. */
  nextReady(now: number): JobRecord | undefined {
    for (let id = this.#queue.shift(); id !== undefined; id = this.#queue.shift()) {
      const job = this.#jobs.get(id);
      if (job?.state !== 'queued') continue;
      if (job.notBefore <= now) return job;
      this.#delayed.push(id);
    }
    return undefined;
  }

  /** Hands a ready job to a machine: a new attempt, leased from `now`. */
  deliver(job: JobRecord, machine: MachineId, now: number, config: BrokerConfig): Delivery {
    job.state = 'started';
    job.machine = machine;
    job.attempts++;
    job.startedAt = now;
    job.runningSince = Number.NaN;
    job.leaseUntil = now + config.leaseMs;
    this.started.add(job.id);
    const timeLimitMs = job.timeLimitMs ?? config.timeLimitMs;
    return { id: job.id, run: job.run, job: job.job, attempt: job.attempts, timeLimitMs };
  }

  /** Back to the queue: at the front when `now`, else to wait out its backoff. */
  requeue(id: JobId, now: boolean): void {
    if (now) this.#queue.pushFront(id);
    else this.#delayed.push(id);
  }

  /** The earliest time a backoff ends; NaN when no job waits. */
  nextWake(): number {
    let wake = Number.NaN;
    for (const id of this.#delayed) {
      const job = this.#jobs.get(id);
      if (job?.state === 'queued' && !(job.notBefore >= wake)) wake = job.notBefore;
    }
    return wake;
  }

  /** Drops a run's jobs; returns the attempts still running. */
  forget(run: string): Revocation[] {
    const revocations: Revocation[] = [];
    for (const [id, job] of this.#jobs) {
      if (job.run !== run) continue;
      if (job.state === 'started' && job.machine !== undefined) {
        revocations.push({ machine: job.machine, job: id, attempt: job.attempts });
      }
      this.#jobs.delete(id);
      this.started.delete(id);
    }
    return revocations;
  }
}

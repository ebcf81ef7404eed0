import type { Job } from '../../workers/kernels';

/** A job's name in the broker, chosen by the client: enqueueing the same id twice is one job (idempotent enqueue). */
export type JobId = string;
/** A machine (a tab, or a simulated machine inside a page), named by itself at random when it starts. */
export type MachineId = string;

/**
 * Where a job stands, as RQ names it: queued → started → finished, or failed → queued again (a retry) → … → failed
 * for good (the failed-job registry, a dead-letter queue).
 */
export type JobState = 'queued' | 'started' | 'finished' | 'failed';

/** What a client hands the broker: a kernel call, named, in a run (one batch whose results are merged). */
export interface JobSpec {
  id: JobId;
  run: string;
  job: Job;
  /** Overrides the broker's time limit for this job, in ms. */
  timeLimitMs?: number;
}

/** One job as the broker keeps it (and persists it). Plain data, so it survives structured clone and IndexedDB. */
export interface JobRecord extends JobSpec {
  state: JobState;
  /** Deliveries so far; the n-th delivery to a machine is attempt n. */
  attempts: number;
  /** The machine holding the current lease (state `started`). */
  machine: MachineId | undefined;
  /** Broker clock (ms): when the current lease runs out unless a heartbeat renews it. */
  leaseUntil: number;
  /** Broker clock (ms): when the current attempt was handed out. */
  startedAt: number;
  /**
   * Broker clock (ms): when the machine said the current attempt began running on a core (a prefetched job may wait
   * on its machine first); the time limit counts from here. NaN until then.
   */
  runningSince: number;
  /** Broker clock (ms): a retried job waits in the queue until then (exponential backoff). */
  notBefore: number;
  enqueuedAt: number;
  finishedAt: number;
  /** The result, once finished: the result backend keyed by job id. */
  value: unknown;
  /** Why each failed attempt failed, oldest first; the last one is the error of a job that failed for good. */
  errors: string[];
  /** Completions received: more than one means the job ran more than once (at-least-once delivery's price). */
  executions: number;
}

/** The broker's promises, as numbers. Leases and time limits are on the broker's clock (`Date.now()` across tabs). */
export interface BrokerConfig {
  /** How long a delivery stays with a machine without a heartbeat before it goes back to the queue. */
  leaseMs: number;
  /** Retries after the first attempt; attempt `maxRetries + 1` failing puts the job in the failed list for good. */
  maxRetries: number;
  /** The first retry waits this long; each next one twice as long (capped at `maxBackoffMs`). */
  backoffMs: number;
  maxBackoffMs: number;
  /** How long one attempt may run before it counts as failed and its machine is told to stop it. */
  timeLimitMs: number;
}

export const DEFAULT_CONFIG: BrokerConfig = {
  // Background tabs run timers at most once a second, so heartbeats from a hidden machine tab can be a second apart:
  // a lease of a few seconds survives that, and a dead machine's jobs still come back quickly.
  leaseMs: 4000,
  maxRetries: 3,
  backoffMs: 200,
  maxBackoffMs: 5000,
  timeLimitMs: 30_000,
};

/** Bounds of every configuration number, each with the message a form shows beside a bad value. */
export const CONFIG_BOUNDS: Record<keyof BrokerConfig, { min: number; max: number; label: string }> = {
  leaseMs: { min: 200, max: 120_000, label: 'lease (ms)' },
  maxRetries: { min: 0, max: 20, label: 'maximum retries' },
  backoffMs: { min: 0, max: 60_000, label: 'first backoff (ms)' },
  maxBackoffMs: { min: 0, max: 600_000, label: 'longest backoff (ms)' },
  timeLimitMs: { min: 10, max: 3_600_000, label: 'time limit (ms)' },
};

/** Checks a partial configuration against its bounds; returns the full configuration or a message per bad key. */
export function validateConfig(
  partial: Partial<Record<keyof BrokerConfig, unknown>>,
): { ok: true; config: BrokerConfig } | { ok: false; errors: Partial<Record<keyof BrokerConfig, string>> } {
  const config = { ...DEFAULT_CONFIG };
  const errors: Partial<Record<keyof BrokerConfig, string>> = {};
  for (const key of Object.keys(CONFIG_BOUNDS) as (keyof BrokerConfig)[]) {
    if (!Object.hasOwn(partial, key) || partial[key] === undefined) continue;
    const value = partial[key];
    const { min, max, label } = CONFIG_BOUNDS[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      errors[key] = `${label} must be a whole number from ${min} to ${max}`;
    } else {
      config[key] = value;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, config };
}

import type { Job } from '../../workers/kernels';
import type { BrokerConfig, JobId, JobRecord, MachineId } from './types';

/** The broker's data: what machines report, what it hands out and logs, and the snapshot it persists. */

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

export const NO_COUNTERS: Counters = {
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
export const startOf = (job: JobRecord) => (Number.isFinite(job.runningSince) ? job.runningSince : job.startedAt);

/** A machine on its first heartbeat. */
export function newMachineRecord(id: MachineId, info: MachineInfo, now: number): MachineRecord {
  return { id, ...info, joinedAt: now, lastSeen: now, gone: false, done: 0, failed: 0, duplicates: 0, recent: [] };
}

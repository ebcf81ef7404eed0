import type { BrokerEvent, Counters, Delivery, MachineInfo, MachineRecord, TimelineEntry } from './broker';
import { validateConfig, type BrokerConfig, type JobId, type JobSpec, type JobState, type MachineId } from './types';

/**
 * The whole wire format between clients, machines and the broker, in one place: a union of messages with a `type`.
 * Every message carries the protocol tag and the cluster id, so a tab of another cluster (or anything else posting
 * on the channel) is told apart and ignored.
 */
export const PROTOCOL = 'pp-machines/1';

/** To the broker, from a machine. The first heartbeat is the join; each later one renews the leases it lists. */
export interface HeartbeatMessage {
  type: 'heartbeat';
  from: MachineId;
  info: MachineInfo;
  running: JobId[];
}
export interface DoneMessage {
  type: 'done';
  from: MachineId;
  job: JobId;
  attempt: number;
  value: unknown;
  /** The jobs that took the freed core (one message per job, not two). */
  started: StartedList;
}
/** Attempts that left the machine's own queue for a core, as [job, attempt]: the broker starts their time limits. */
export type StartedList = [JobId, number][];

/** Sent when jobs start on an idle machine; a machine that was busy says it with its next result instead. */
export interface StartedMessage {
  type: 'started';
  from: MachineId;
  jobs: StartedList;
}
export interface FailedMessage {
  type: 'failed';
  from: MachineId;
  job: JobId;
  attempt: number;
  error: string;
  started: StartedList;
}
export interface LeaveMessage {
  type: 'leave';
  from: MachineId;
}
/** To the broker, from a client: add jobs (idempotent by id), or ask for a run's results. */
export interface EnqueueMessage {
  type: 'enqueue';
  from: string;
  jobs: JobSpec[];
}
export interface FetchResultsMessage {
  type: 'fetch-results';
  from: string;
  run: string;
}

/** To the broker, from a client: drop a run's jobs, stopping those running (Celery's `revoke`). */
export interface ForgetRunMessage {
  type: 'forget-run';
  from: string;
  run: string;
}

/** To the broker, from a client: new broker settings (checked against their bounds; a bad one is ignored). */
export interface ConfigureMessage {
  type: 'configure';
  from: string;
  config: Partial<BrokerConfig>;
}

/** From the broker, to one machine: jobs to run, or an attempt to stop. */
export interface AssignMessage {
  type: 'assign';
  to: MachineId;
  jobs: Delivery[];
}
export interface RevokeMessage {
  type: 'revoke';
  to: MachineId;
  job: JobId;
  attempt: number;
}
/** From the broker, to one client: a run's results (the result backend's answer) and its failed jobs. */
export interface ResultsMessage {
  type: 'results';
  to: string;
  run: string;
  values: [JobId, unknown][];
  failed: [JobId, string[]][];
}
/** From the broker, to everyone, a few times a second: what Flower shows. Also tells machines a broker is there. */
export interface MonitorMessage {
  type: 'monitor';
  monitor: Monitor;
}

export interface RunStatus {
  run: string;
  total: number;
  states: Record<JobState, number>;
  /** Executions beyond the first, summed over the run's jobs. */
  duplicates: number;
  /** Jobs that needed more than one attempt. */
  retried: number;
}

/**
 * Where a broker runs: in the cluster's `SharedWorker` (one program every tab of the origin connects to), in a tab
 * elected with a Web Lock (where there is no SharedWorker, or the link asks for it), or in this page alone (a
 * simulated cluster).
 */
export type BrokerPlace = 'shared worker' | 'tab' | 'page';

export interface Monitor {
  /**
   * The broker: its id, where it runs (see `BrokerPlace`), and when it took over (a new broker resumes from the
   * stored state).
   */
  broker: { id: string; place: BrokerPlace; since: number; resumed: boolean };
  at: number;
  config: BrokerConfig;
  counters: Counters;
  runs: RunStatus[];
  machines: (MachineRecord & { inFlight: number; throughput: number })[];
  events: BrokerEvent[];
  timeline: TimelineEntry[];
}

export type ToBroker =
  | HeartbeatMessage
  | StartedMessage
  | DoneMessage
  | FailedMessage
  | LeaveMessage
  | EnqueueMessage
  | FetchResultsMessage
  | ForgetRunMessage
  | ConfigureMessage;
export type FromBroker = AssignMessage | RevokeMessage | ResultsMessage | MonitorMessage;
export type Message = ToBroker | FromBroker;

export type Envelope = Message & { protocol: typeof PROTOCOL; cluster: string };

type Check = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString: Check = (value) => typeof value === 'string' && value.length > 0 && value.length <= 200;
const isCount: Check = (value) => Number.isInteger(value) && (value as number) >= 0;
const isStrings: Check = (value) => Array.isArray(value) && value.every(isString);
const isInfo: Check = (value) =>
  isRecord(value) &&
  typeof value.label === 'string' &&
  isCount(value.cores) &&
  isCount(value.slots) &&
  typeof value.simulated === 'boolean';
const isJob: Check = (value) => isRecord(value) && typeof value.kernel === 'string' && Array.isArray(value.args);
const isSpec: Check = (value) =>
  isRecord(value) &&
  isString(value.id) &&
  isString(value.run) &&
  isJob(value.job) &&
  (value.timeLimitMs === undefined || isCount(value.timeLimitMs));
const isStartedList: Check = (value) =>
  Array.isArray(value) && value.every((pair) => Array.isArray(pair) && isString(pair[0]) && isCount(pair[1]));
const isDelivery: Check = (value) => isSpec(value) && isCount((value as Record<string, unknown>).attempt);

/** The fields each message type must have, and what each must look like. */
const SHAPES: Record<Message['type'], Record<string, Check>> = {
  heartbeat: { from: isString, info: isInfo, running: isStrings },
  started: { from: isString, jobs: isStartedList },
  done: { from: isString, job: isString, attempt: isCount, value: () => true, started: isStartedList },
  failed: {
    from: isString,
    job: isString,
    attempt: isCount,
    error: (value) => typeof value === 'string',
    started: isStartedList,
  },
  leave: { from: isString },
  enqueue: { from: isString, jobs: (value) => Array.isArray(value) && value.every(isSpec) },
  'fetch-results': { from: isString, run: isString },
  'forget-run': { from: isString, run: isString },
  configure: { from: isString, config: (value) => isRecord(value) && validateConfig(value).ok },
  assign: { to: isString, jobs: (value) => Array.isArray(value) && value.every(isDelivery) },
  revoke: { to: isString, job: isString, attempt: isCount },
  results: { to: isString, run: isString, values: Array.isArray, failed: Array.isArray },
  monitor: { monitor: (value) => isRecord(value) && isRecord(value.broker) && Array.isArray(value.runs) },
};

/**
 * Reads what arrived on the channel: a message of this cluster with the right fields, or `undefined` for anything
 * else (another cluster, another protocol, garbage) — which the receiver ignores and counts, never throws on.
 */
export function parseMessage(data: unknown, cluster: string): Message | undefined {
  if (!isRecord(data) || data.protocol !== PROTOCOL || data.cluster !== cluster) return undefined;
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return undefined;
  const shape = SHAPES[type as Message['type']];
  for (const [field, check] of Object.entries(shape)) if (!check(data[field])) return undefined;
  return data as unknown as Message;
}

/** Is this message for the broker (rather than from it)? */
export function isToBroker(message: Message): message is ToBroker {
  return 'from' in message;
}

import { createPool, type Pool } from '../pool';
import type { Endpoint, Hub, NetworkOptions } from './bus';
import {
  parseMessage,
  PROTOCOL,
  type AssignMessage,
  type DoneMessage,
  type FailedMessage,
  type Monitor,
} from './protocol';
import type { JobId, MachineId } from './types';

/**
 * A machine: the worker of RQ or Celery, here a tab (or a simulated machine inside a page). It announces itself with
 * heartbeats, runs the jobs the broker hands it on its own worker pool, reports each result or error, and keeps
 * heartbeating the jobs it is running so their leases hold. Nothing it does is trusted to arrive: a lost result is
 * run again elsewhere after the lease.
 */
export interface MachineOptions {
  hub: Hub;
  label?: string;
  /** Workers in its pool: its "cores". Defaults to `navigator.hardwareConcurrency`. */
  cores?: number;
  /** Jobs it takes beyond its cores, so a core never waits for a round trip to the broker (Celery's prefetch). */
  prefetch?: number;
  simulated?: boolean;
  network?: NetworkOptions;
  /** Its pool; by default one of `cores` compute workers, shut down with the machine. */
  pool?: Pool;
  heartbeatMs?: number;
}

export type MachineStatus = 'waiting for a broker' | 'connected' | 'stopped';

export interface MachineView {
  id: MachineId;
  label: string;
  cores: number;
  status: MachineStatus;
  running: { job: JobId; attempt: number }[];
  done: number;
  failed: number;
  /** Clusters heard on the channel that are not this one: a tab opened with a stale cluster id says so. */
  otherClusters: string[];
}

interface Running {
  attempt: number;
  abort: AbortController;
}

export class Machine {
  readonly id: MachineId = `machine-${crypto.randomUUID().slice(0, 8)}`;
  readonly label: string;
  readonly cores: number;
  readonly #prefetch: number;
  readonly #simulated: boolean;
  readonly #pool: Pool;
  readonly #ownsPool: boolean;
  readonly #endpoint: Endpoint;
  readonly #cluster: string;
  readonly #running = new Map<JobId, Running>();
  readonly #otherClusters = new Set<string>();
  readonly #listeners = new Set<(view: MachineView) => void>();
  #status: MachineStatus = 'waiting for a broker';
  #done = 0;
  #failed = 0;
  #heartbeatMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastMonitor = 0;
  readonly #unlisten: () => void;
  readonly #onPageHide = () => this.#endpoint.post({ type: 'leave', from: this.id });

  constructor({
    hub,
    label,
    cores,
    prefetch = 1,
    simulated = false,
    network,
    pool,
    heartbeatMs = 500,
  }: MachineOptions) {
    this.cores = pool?.size ?? cores ?? (navigator.hardwareConcurrency || 1);
    this.label = label ?? `${simulated ? 'simulated ' : ''}machine ${this.id.slice(-4)}`;
    this.#prefetch = prefetch;
    this.#simulated = simulated;
    this.#pool = pool ?? createPool({ size: this.cores });
    this.#ownsPool = pool === undefined;
    this.#cluster = hub.cluster;
    this.#endpoint = hub.connect(network);
    this.#heartbeatMs = heartbeatMs;
    this.#unlisten = this.#endpoint.listen((data) => this.#receive(data));
    if (!simulated) addEventListener('pagehide', this.#onPageHide);
    this.#beat();
  }

  view(): MachineView {
    return {
      id: this.id,
      label: this.label,
      cores: this.cores,
      status: this.#status,
      running: [...this.#running].map(([job, { attempt }]) => ({ job, attempt })),
      done: this.#done,
      failed: this.#failed,
      otherClusters: [...this.#otherClusters],
    };
  }

  subscribe(listener: (view: MachineView) => void): () => void {
    this.#listeners.add(listener);
    listener(this.view());
    return () => this.#listeners.delete(listener);
  }

  /** Leaves politely: the broker requeues its jobs at once. */
  async stop(): Promise<void> {
    if (this.#status === 'stopped') return;
    this.#endpoint.post({ type: 'leave', from: this.id });
    await this.#halt();
  }

  /** "Pull the plug": goes silent mid-job, without a goodbye. Its jobs come back only when their leases run out. */
  async crash(): Promise<void> {
    await this.#halt();
  }

  async #halt(): Promise<void> {
    this.#status = 'stopped';
    clearTimeout(this.#timer);
    removeEventListener('pagehide', this.#onPageHide);
    for (const { abort } of this.#running.values()) abort.abort();
    this.#running.clear();
    this.#unlisten();
    // Let a goodbye already posted go out before the endpoint closes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.#endpoint.close();
    if (this.#ownsPool) await this.#pool.shutdown({ cancelPending: true });
    this.#changed();
  }

  #beat = () => {
    if (this.#status === 'stopped') return;
    if (this.#status === 'connected' && Date.now() - this.#lastMonitor > 5000) this.#setStatus('waiting for a broker');
    this.#endpoint.post({
      type: 'heartbeat',
      from: this.id,
      info: { label: this.label, cores: this.cores, slots: this.cores + this.#prefetch, simulated: this.#simulated },
      running: [...this.#running.keys()],
    });
    this.#timer = setTimeout(this.#beat, this.#heartbeatMs);
  };

  #receive(data: unknown): void {
    if (this.#status === 'stopped') return;
    const message = parseMessage(data, this.#cluster);
    if (!message) {
      if (
        typeof data === 'object' &&
        data !== null &&
        'protocol' in data &&
        data.protocol === PROTOCOL &&
        'cluster' in data
      ) {
        if (typeof data.cluster === 'string' && !this.#otherClusters.has(data.cluster)) {
          this.#otherClusters.add(data.cluster);
          this.#changed();
        }
      }
      return;
    }
    if (message.type === 'monitor') this.#onMonitor(message.monitor);
    else if (message.type === 'assign' && message.to === this.id) this.#run(message);
    else if (message.type === 'revoke' && message.to === this.id) {
      const running = this.#running.get(message.job);
      if (running?.attempt === message.attempt) running.abort.abort();
    }
  }

  #onMonitor(monitor: Monitor): void {
    this.#lastMonitor = Date.now();
    // Three heartbeats per lease: one late or lost beat does not cost a job.
    this.#heartbeatMs = Math.max(50, Math.min(500, Math.floor(monitor.config.leaseMs / 3)));
    if (this.#status !== 'connected') this.#setStatus('connected');
  }

  #run({ jobs }: AssignMessage): void {
    for (const delivery of jobs) {
      if (this.#running.get(delivery.id)?.attempt === delivery.attempt) continue; // the same delivery, heard twice
      const abort = new AbortController();
      this.#running.set(delivery.id, { attempt: delivery.attempt, abort });
      this.#changed();
      this.#pool.submit(delivery.job, { signal: abort.signal }).then(
        (value) =>
          this.#settle(delivery.id, delivery.attempt, {
            type: 'done',
            from: this.id,
            job: delivery.id,
            attempt: delivery.attempt,
            value,
          }),
        (error: unknown) =>
          this.#settle(delivery.id, delivery.attempt, {
            type: 'failed',
            from: this.id,
            job: delivery.id,
            attempt: delivery.attempt,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
    }
  }

  #settle(job: JobId, attempt: number, report: DoneMessage | FailedMessage): void {
    if (this.#status === 'stopped') return;
    if (this.#running.get(job)?.attempt === attempt) this.#running.delete(job);
    if (report.type === 'done') this.#done++;
    else this.#failed++;
    this.#endpoint.post(report);
    this.#changed();
  }

  #setStatus(status: MachineStatus): void {
    this.#status = status;
    this.#changed();
  }

  #changed(): void {
    const view = this.view();
    for (const listener of this.#listeners) listener(view);
  }
}

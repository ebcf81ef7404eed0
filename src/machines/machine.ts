import { createPool, type Pool } from '../pool';
import type { Delivery } from './broker';
import type { Endpoint, Hub, NetworkOptions } from './bus';
import { parseMessage, PROTOCOL, type AssignMessage, type Monitor, type StartedList } from './protocol';
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
  /** Jobs on a core now. */
  running: { job: JobId; attempt: number }[];
  /** Jobs delivered (prefetched) and waiting for a core. */
  waiting: number;
  done: number;
  failed: number;
  /** Clusters heard on the channel that are not this one: a tab opened with a stale cluster id says so. */
  otherClusters: string[];
}

interface Running {
  delivery: Delivery;
  abort: AbortController;
  /** Its worker was killed on purpose (`crashWorker`): reported as a crash, not a cancel. */
  crashed?: boolean;
  /** On a core (submitted to the pool), rather than waiting in the machine's own queue. */
  onCore: boolean;
}

export class Machine {
  readonly id: MachineId = `machine-${crypto.randomUUID().slice(0, 8)}`;
  readonly label: string;
  readonly cores: number;
  /** Its simulated link to the rest of the cluster, as it was started with (none: a perfect one). */
  readonly network: NetworkOptions;
  readonly #prefetch: number;
  readonly #simulated: boolean;
  readonly #pool: Pool;
  readonly #ownsPool: boolean;
  readonly #endpoint: Endpoint;
  readonly #cluster: string;
  /** Every job it holds a lease on, waiting or on a core, in delivery order. */
  readonly #running = new Map<JobId, Running>();
  #onCores = 0;
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
    this.network = { ...network };
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
      running: [...this.#running.values()]
        .filter((r) => r.onCore)
        .map(({ delivery }) => ({ job: delivery.id, attempt: delivery.attempt })),
      waiting: [...this.#running.values()].filter((r) => !r.onCore).length,
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

  /**
   * Injects a crash into one of its workers mid-job: the worker is killed (and replaced by the pool), the machine
   * lives on and reports the attempt as failed, so the broker retries the job after its backoff. False when no job
   * is on a core.
   */
  crashWorker(): boolean {
    const victim = [...this.#running.values()].find((running) => running.onCore && !running.crashed);
    if (!victim) return false;
    victim.crashed = true;
    victim.abort.abort();
    return true;
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
      if (running?.delivery.attempt === message.attempt) {
        running.abort.abort();
        if (!running.onCore) this.#running.delete(message.job);
      }
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
      if (this.#running.get(delivery.id)?.delivery.attempt === delivery.attempt) continue; // the same delivery, heard twice
      this.#running.set(delivery.id, { delivery, abort: new AbortController(), onCore: false });
    }
    const started = this.#pump();
    if (started.length > 0) this.#endpoint.post({ type: 'started', from: this.id, jobs: started });
  }

  /**
   * Puts waiting jobs on free cores, oldest first, and returns them for the broker: the machine keeps its own queue
   * instead of the pool's, so that a prefetched job's time limit only runs once it really runs.
   */
  #pump(): StartedList {
    const started: StartedList = [];
    for (const running of this.#running.values()) {
      if (this.#onCores >= this.cores) break;
      if (running.onCore) continue;
      running.onCore = true;
      this.#onCores++;
      const { id: job, attempt } = running.delivery;
      started.push([job, attempt]);
      this.#pool.submit(running.delivery.job, { signal: running.abort.signal }).then(
        (value) => this.#settle(running, { type: 'done', value }),
        (error: unknown) =>
          this.#settle(running, {
            type: 'failed',
            error: running.crashed
              ? 'its worker crashed (a crash injected on the machine)'
              : error instanceof Error
                ? error.message
                : String(error),
          }),
      );
    }
    this.#changed();
    return started;
  }

  #settle(running: Running, outcome: { type: 'done'; value: unknown } | { type: 'failed'; error: string }): void {
    if (this.#status === 'stopped') return;
    const { id: job, attempt } = running.delivery;
    this.#onCores--;
    if (this.#running.get(job) === running) this.#running.delete(job);
    if (outcome.type === 'done') this.#done++;
    else this.#failed++;
    const started = this.#pump();
    this.#endpoint.post({ ...outcome, from: this.id, job, attempt, started });
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

import type { Environment } from '../../environment';
import {
  machineTrace,
  runBatch,
  startClient,
  type BatchOutcome,
  type ClientSession,
  type Machine,
  type Monitor,
  type RunStatus,
} from '../../machines';
import { JobRunner } from '../../run/jobRunner.svelte';
import { Settings } from '../../settings';
import { fibTask } from '../../tasks/fib';
import { brokerChoice, workerTabUrl } from './link';
import { meta } from './meta';
import { networkOf, sameLink, type LinkFigures } from './network';
import { machineSchema, type MachineSchema } from './settings';

/** A run's id names its batch, so a reopened client can rebuild the same jobs and resume it: `fib.n.k.jobs.stamp`. */
export function runId(n: number, k: number, jobs: number, stamp: number): string {
  return `fib.${n}.${k}.${jobs}.${stamp.toString(36)}`;
}

export function parseRunId(id: string): { n: number; k: number; jobs: number } | undefined {
  const match = /^fib\.(\d+)\.(\d+)\.(\d+)\.[0-9a-z]+$/.exec(id);
  return match ? { n: Number(match[1]), k: Number(match[2]), jobs: Number(match[3]) } : undefined;
}

/**
 * The client tab of the Machines demo: it stands in line for the broker, enqueues a fib batch as queue jobs, and
 * shows what the broker's monitor says. Simulated machines inside the page (labelled so) make it work alone.
 */
export class ClusterState {
  readonly settings: Settings<MachineSchema>;
  readonly runner = new JobRunner<BatchOutcome<number[]>>({ label: `the “${meta.title}” demo` });
  monitor = $state.raw<Monitor | null>(null);
  /** The run shown: the newest started here, or one found unfinished in the stored queue. */
  run = $state<string | null>(null);
  simulatedIds = $state.raw<string[]>([]);
  #session = $state.raw<ClientSession | null>(null);

  constructor(readonly env: Environment) {
    this.settings = new Settings(meta.id, machineSchema(env.hardwareConcurrency));
  }

  get role(): 'client' | 'worker' {
    return this.settings.raw.role === 'worker' ? 'worker' : 'client';
  }

  /** Joins the cluster; returns what leaves it. Called when the view mounts, and again if the cluster changes. */
  connect(cluster: string): () => void {
    const result = this.settings.result;
    const config = result.ok
      ? { leaseMs: result.values.lease, maxRetries: result.values.retries, timeLimitMs: result.values.timeLimit }
      : {};
    const session = startClient({
      cluster,
      config,
      broker: brokerChoice(result.ok ? result.values.broker : undefined),
    });
    this.#session = session;
    const stop = session.client.onMonitor((monitor) => {
      this.monitor = monitor;
      // A run left unfinished in the stored queue (every tab was closed): offer to resume it.
      if (this.run === null) {
        const open = monitor.runs.find((r) => r.states.finished + r.states.failed < r.total && parseRunId(r.run));
        if (open) this.run = open.run;
      }
    });
    return () => {
      stop();
      this.runner.cancel();
      this.#session = null;
      this.monitor = null;
      this.simulatedIds = [];
      void session.close();
    };
  }

  get ready(): boolean {
    return this.settings.result.ok && this.#session !== null;
  }

  get status(): RunStatus | undefined {
    return this.monitor?.runs.find((r) => r.run === this.run);
  }

  /** The shown run was found in the store, not started here: Run resumes it instead of starting another. */
  get resumable(): boolean {
    const status = this.status;
    return !this.runner.running && status !== undefined && status.states.finished + status.states.failed < status.total;
  }

  get trace() {
    const monitor = this.monitor;
    return monitor && this.run ? machineTrace(monitor.timeline, monitor.machines, this.run) : [];
  }

  workerUrl(): string {
    const values = this.settings.result.ok ? this.settings.result.values : undefined;
    return workerTabUrl(location.href, values?.cluster ?? 'lab', values?.cores ?? 1, values?.broker);
  }

  async start(): Promise<void> {
    const session = this.#session;
    const result = this.settings.result;
    if (!session || !result.ok) return;
    const values = result.values;
    session.client.configure({ leaseMs: values.lease, maxRetries: values.retries, timeLimitMs: values.timeLimit });
    await this.#syncSimulated(session, values.simulated, values.cores, networkOf(values));
    const resume = this.resumable && this.run ? parseRunId(this.run) : undefined;
    const run = resume && this.run ? this.run : runId(values.n, values.k, values.jobs, Date.now());
    const batch = resume ?? { n: values.n, k: values.k, jobs: values.jobs };
    this.run = run;
    await this.runner.run((signal) =>
      runBatch(session.client, run, fibTask, { n: batch.n, k: batch.k }, batch.jobs, { signal }),
    );
  }

  /** Pulls the plug on a simulated machine: no goodbye, its jobs come back after their lease. */
  async crash(id: string): Promise<void> {
    const session = this.#session;
    const machine = session?.simulated.find((m) => m.id === id);
    if (!session || !machine) return;
    await session.removeSimulated(machine, 'crash');
    this.simulatedIds = session.simulated.map((m) => m.id);
  }

  /** Kills the worker running one of a simulated machine's jobs: the job fails and is retried after its backoff. */
  crashWorker(id: string): void {
    this.#session?.simulated.find((m) => m.id === id)?.crashWorker();
  }

  async #syncSimulated(session: ClientSession, count: number, cores: number, network: Required<LinkFigures>) {
    // A machine's cores and network are set when it starts: one that differs from the form is replaced.
    const stale: Machine[] = session.simulated.filter((m) => m.cores !== cores || !sameLink(m.network, network));
    for (const machine of stale) await session.removeSimulated(machine, 'stop');
    while (session.simulated.length > count) await session.removeSimulated(session.simulated.at(-1)!, 'stop');
    while (session.simulated.length < count) session.addSimulated({ cores, network });
    this.simulatedIds = session.simulated.map((m) => m.id);
  }
}

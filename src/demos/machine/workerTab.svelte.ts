import { startMachine, type BrokerChoice, type MachineSession, type MachineView } from '../../machines';

/** A tab opened as a worker machine: it joins the cluster, runs jobs on its own pool, and can be unplugged. */
export class WorkerTabState {
  view = $state.raw<MachineView | null>(null);
  #session: MachineSession | null = null;

  connect(cluster: string, cores: number, broker?: BrokerChoice): () => void {
    const session = startMachine({ cluster, cores, broker });
    this.#session = session;
    const stop = session.machine.subscribe((view) => (this.view = view));
    return () => {
      stop();
      this.#session = null;
      void session.close();
    };
  }

  /** Goes silent without a goodbye, as a crash: the broker only notices when the leases run out. */
  pullPlug(): void {
    void this.#session?.machine.crash();
  }

  /** Kills the worker running one of its jobs: the machine lives on, the job fails and is retried. */
  crashWorker(): void {
    this.#session?.machine.crashWorker();
  }

  /** Leaves politely: the broker gives its jobs to others at once. */
  leave(): void {
    void this.#session?.machine.stop();
  }
}

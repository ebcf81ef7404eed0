import { Broker } from './broker';
import type { Hub } from './bus';
import { buildMonitor } from './monitor';
import { isToBroker, parseMessage, PROTOCOL, type BrokerPlace, type ToBroker } from './protocol';
import type { SnapshotStore } from './store';
import type { BrokerConfig } from './types';

/**
 * Runs the broker here — in the cluster's `SharedWorker` (brokerWorker.ts), or in a tab — once elected: every host of
 * the cluster asks for the same Web Lock, the first holds it until it closes, and the next in line takes over from the
 * stored state. So exactly one broker runs, wherever it is hosted. Without Web Locks, or with `elect: false`, this
 * host runs it at once.
 */
export interface BrokerHostOptions {
  hub: Hub;
  store: SnapshotStore;
  /** Overrides of the stored (or default) configuration. */
  config?: Partial<BrokerConfig>;
  elect?: boolean;
  /** Where this host is, as the monitor reports it. */
  place?: BrokerPlace;
  now?: () => number;
  /** How often the monitor is broadcast and the state saved, in ms. */
  monitorEveryMs?: number;
  saveEveryMs?: number;
}

export interface BrokerHost {
  readonly id: string;
  readonly place: BrokerPlace;
  /** Resolves when this host has become the broker (never, while another holds the lock). */
  readonly elected: Promise<Broker>;
  /** The broker, once this host runs it. */
  readonly broker: Broker | undefined;
  /** Stops hosting (saving the state first) and lets the next host in line take over. */
  stop(): Promise<void>;
}

export function hostBroker({
  hub,
  store,
  config = {},
  elect = true,
  place = 'tab',
  now = Date.now,
  monitorEveryMs = 250,
  saveEveryMs = 250,
}: BrokerHostOptions): BrokerHost {
  const id = `broker-${crypto.randomUUID().slice(0, 8)}`;
  const abort = new AbortController();
  let broker: Broker | undefined;
  let stopped: () => void = () => {};
  const untilStopped = new Promise<void>((resolve) => (stopped = resolve));
  let resolveElected!: (broker: Broker) => void;
  const elected = new Promise<Broker>((resolve) => (resolveElected = resolve));
  let cleanup: () => Promise<void> = async () => {};

  const run = async () => {
    const snapshot = await store.load(hub.cluster);
    const since = now();
    const current = new Broker(config, snapshot);
    broker = current;
    const endpoint = hub.connect();
    let dirty = true;
    let flushQueued = false;
    let lastMonitor = 0;
    let lastSave = since;

    let wasBusy = false;
    const flush = () => {
      flushQueued = false;
      const at = now();
      for (const { machine, jobs } of current.dispatch(at)) endpoint.post({ type: 'assign', to: machine, jobs });
      // The moment the last job out comes back (a run has most likely ended), the monitor goes out at once: a client
      // waiting for its run hears of it now rather than up to `monitorEveryMs` later.
      const busy = current.inFlight > 0;
      const justIdle = wasBusy && !busy;
      wasBusy = busy;
      if (justIdle || at - lastMonitor >= monitorEveryMs) {
        lastMonitor = at;
        const monitor = buildMonitor(current, at, { id, place, since, resumed: snapshot !== undefined });
        endpoint.post({ type: 'monitor', monitor });
      }
    };
    const soon = () => {
      dirty = true;
      if (!flushQueued) {
        flushQueued = true;
        queueMicrotask(flush);
      }
    };
    const save = async () => {
      if (!dirty) return;
      dirty = false;
      lastSave = now();
      await store.save(hub.cluster, current.snapshot());
    };

    const handle = (message: ToBroker) => {
      const at = now();
      switch (message.type) {
        case 'heartbeat':
          current.heartbeat(message.from, message.info, message.running, at);
          break;
        case 'started':
          for (const [job, attempt] of message.jobs) current.running(message.from, job, attempt, at);
          break;
        case 'done':
          current.complete(message.from, message.job, message.attempt, message.value, at);
          for (const [job, attempt] of message.started) current.running(message.from, job, attempt, at);
          break;
        case 'failed':
          current.fail(message.from, message.job, message.attempt, message.error, at);
          for (const [job, attempt] of message.started) current.running(message.from, job, attempt, at);
          break;
        case 'leave':
          current.leave(message.from, at);
          break;
        case 'enqueue':
          current.enqueue(message.jobs, at);
          break;
        case 'configure':
          current.configure(message.config);
          break;
        case 'forget-run':
          for (const { machine, job, attempt } of current.forget(message.run)) {
            endpoint.post({ type: 'revoke', to: machine, job, attempt });
          }
          break;
        case 'fetch-results': {
          const jobs = current.jobs(message.run);
          endpoint.post({
            type: 'results',
            to: message.from,
            run: message.run,
            values: jobs.filter((job) => job.state === 'finished').map((job) => [job.id, job.value]),
            failed: jobs.filter((job) => job.state === 'failed').map((job) => [job.id, job.errors]),
          });
          return;
        }
      }
      soon();
    };
    const unlisten = endpoint.listen((data) => {
      const message = parseMessage(data, hub.cluster);
      if (message === undefined) {
        // Another cluster's traffic is not noise; anything else is, and is counted, never thrown on.
        const foreignCluster =
          typeof data === 'object' &&
          data !== null &&
          'protocol' in data &&
          data.protocol === PROTOCOL &&
          'cluster' in data &&
          data.cluster !== hub.cluster;
        if (!foreignCluster) {
          current.ignored();
          soon();
        }
      } else if (isToBroker(message)) {
        handle(message);
      }
    });

    const tickEvery = Math.max(20, Math.min(current.config.leaseMs / 4, 100));
    const ticker = setInterval(() => {
      const at = now();
      for (const { machine, job, attempt } of current.tick(at))
        endpoint.post({ type: 'revoke', to: machine, job, attempt });
      soon();
      if (at - lastSave >= saveEveryMs) void save();
    }, tickEvery);
    // A hidden page may be about to be closed or frozen: write what it knows while it still can. (A shared worker has
    // no such warning: it ends with its last tab, and the periodic save is all it leaves.)
    const onHide = () => void save();
    addEventListener('pagehide', onHide);
    addEventListener('visibilitychange', onHide);

    cleanup = async () => {
      clearInterval(ticker);
      removeEventListener('pagehide', onHide);
      removeEventListener('visibilitychange', onHide);
      unlisten();
      endpoint.close();
      dirty = true;
      await save();
    };
    resolveElected(current);
    soon();
  };

  const hold = async () => {
    await run();
    await untilStopped;
  };
  if (elect && typeof navigator !== 'undefined' && navigator.locks) {
    navigator.locks
      .request(`pp-machines-broker:${hub.cluster}`, { signal: abort.signal }, hold)
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
      });
  } else {
    void hold();
  }

  return {
    id,
    place,
    elected,
    get broker() {
      return broker;
    },
    async stop() {
      abort.abort();
      await cleanup();
      broker = undefined;
      stopped();
    },
  };
}

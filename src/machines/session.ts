import { launchBroker, type BrokerChoice, type BrokerLink } from './brokerLaunch';
import { createHub, type Hub, type NetworkOptions } from './bus';
import { Client } from './client';
import { Machine } from './machine';
import { indexedDbStore, type SnapshotStore } from './store';
import type { BrokerConfig } from './types';

/**
 * What one tab of a cluster runs, framework-free, for a demo's state to wrap: every tab joins the channel and starts
 * the cluster's broker — in the shared worker, or (where there is none, or `broker: 'tab'`) by standing in line for
 * the broker's lock itself; a client tab also enqueues and watches (and may run simulated machines inside the
 * page, labelled so); a machine tab runs jobs on its own pool.
 */
export interface ClientSession {
  readonly hub: Hub;
  readonly broker: BrokerLink;
  readonly client: Client;
  readonly simulated: Machine[];
  addSimulated(options: { cores: number; network?: NetworkOptions }): Machine;
  /** Stops a simulated machine: politely (`stop`), or by pulling the plug (`crash`, no goodbye). */
  removeSimulated(machine: Machine, how: 'stop' | 'crash'): Promise<void>;
  close(): Promise<void>;
}

/** How a tab joins its cluster, client or machine. */
export interface JoinOptions {
  cluster: string;
  config?: Partial<BrokerConfig>;
  /** The tab election's store (the shared worker keeps its own, in IndexedDB). */
  store?: SnapshotStore;
  broker?: BrokerChoice;
}

/** Joins the cluster's channel and starts (or stands in line for) its broker: what every tab does first. */
function join({ cluster, config, store = indexedDbStore, broker: choice }: JoinOptions) {
  const hub = createHub(cluster);
  return { hub, broker: launchBroker({ hub, store, config, choice }) };
}

export function startClient(options: JoinOptions): ClientSession {
  const { hub, broker } = join(options);
  const client = new Client({ hub });
  const simulated: Machine[] = [];
  let count = 0;
  return {
    hub,
    broker,
    client,
    simulated,
    addSimulated({ cores, network }) {
      const machine = new Machine({ hub, cores, network, simulated: true, label: `simulated machine ${++count}` });
      simulated.push(machine);
      return machine;
    },
    async removeSimulated(machine, how) {
      const index = simulated.indexOf(machine);
      if (index >= 0) simulated.splice(index, 1);
      await (how === 'crash' ? machine.crash() : machine.stop());
    },
    async close() {
      await Promise.all(simulated.splice(0).map((machine) => machine.stop()));
      client.close();
      await broker.stop();
      hub.close();
    },
  };
}

export interface MachineSession {
  readonly hub: Hub;
  readonly broker: BrokerLink;
  readonly machine: Machine;
  close(): Promise<void>;
}

export function startMachine({ cores, ...options }: JoinOptions & { cores?: number }): MachineSession {
  const { hub, broker } = join(options);
  const machine = new Machine({ hub, cores });
  return {
    hub,
    broker,
    machine,
    async close() {
      await machine.stop();
      await broker.stop();
      hub.close();
    },
  };
}

import { hostBroker, type BrokerHost } from './brokerHost';
import { createHub, type Hub, type NetworkOptions } from './bus';
import { Client } from './client';
import { Machine } from './machine';
import { indexedDbStore, type SnapshotStore } from './store';
import type { BrokerConfig } from './types';

/**
 * What one tab of a cluster runs, framework-free, for a demo's state to wrap: every tab joins the channel and stands
 * in line for the broker's lock; a client tab also enqueues and watches (and may run simulated machines inside the
 * page, labelled so); a machine tab runs jobs on its own pool.
 */
export interface ClientSession {
  readonly hub: Hub;
  readonly host: BrokerHost;
  readonly client: Client;
  readonly simulated: Machine[];
  addSimulated(options: { cores: number; network?: NetworkOptions }): Machine;
  /** Stops a simulated machine: politely (`stop`), or by pulling the plug (`crash`, no goodbye). */
  removeSimulated(machine: Machine, how: 'stop' | 'crash'): Promise<void>;
  close(): Promise<void>;
}

export function startClient({
  cluster,
  config,
  store = indexedDbStore,
}: {
  cluster: string;
  config?: Partial<BrokerConfig>;
  store?: SnapshotStore;
}): ClientSession {
  const hub = createHub(cluster);
  const host = hostBroker({ hub, store, config });
  const client = new Client({ hub });
  const simulated: Machine[] = [];
  let count = 0;
  return {
    hub,
    host,
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
      await host.stop();
      hub.close();
    },
  };
}

export interface MachineSession {
  readonly hub: Hub;
  readonly host: BrokerHost;
  readonly machine: Machine;
  close(): Promise<void>;
}

export function startMachine({
  cluster,
  cores,
  config,
  store = indexedDbStore,
}: {
  cluster: string;
  cores?: number;
  config?: Partial<BrokerConfig>;
  store?: SnapshotStore;
}): MachineSession {
  const hub = createHub(cluster);
  const host = hostBroker({ hub, store, config });
  const machine = new Machine({ hub, cores });
  return {
    hub,
    host,
    machine,
    async close() {
      await machine.stop();
      await host.stop();
      hub.close();
    },
  };
}

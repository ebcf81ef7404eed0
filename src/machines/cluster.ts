import { hostBroker, type BrokerHost } from './brokerHost';
import { createHub, type Hub, type NetworkOptions } from './bus';
import { Client } from './client';
import { Machine } from './machine';
import { memoryStore, type SnapshotStore } from './store';
import type { BrokerConfig } from './types';

/**
 * A whole cluster inside one page: the broker, a client and simulated machines, each machine with its own worker
 * pool, all on a page-only hub (no other tab hears it). What the demo runs where there are no other tabs (an embed, a
 * phone, a test), and what the benchmark measures; labelled simulated, because one page's pools share one browser.
 */
export interface SimulatedClusterOptions {
  cluster?: string;
  machines: number;
  /** Workers per machine. */
  cores: number;
  config?: Partial<BrokerConfig>;
  /** The network between each machine and the broker. */
  network?: NetworkOptions;
  store?: SnapshotStore;
  prefetch?: number;
}

export interface SimulatedCluster {
  hub: Hub;
  host: BrokerHost;
  client: Client;
  machines: Machine[];
  addMachine(): Machine;
  close(): Promise<void>;
}

export async function simulatedCluster({
  cluster = `simulated-${crypto.randomUUID().slice(0, 8)}`,
  machines: count,
  cores,
  config,
  network,
  store = memoryStore(),
  prefetch,
}: SimulatedClusterOptions): Promise<SimulatedCluster> {
  const hub = createHub(cluster, null);
  const host = hostBroker({ hub, store, config, elect: false, place: 'page' });
  await host.elected;
  const client = new Client({ hub });
  const machines: Machine[] = [];
  const addMachine = () => {
    const machine = new Machine({
      hub,
      cores,
      prefetch,
      simulated: true,
      network,
      label: `simulated machine ${machines.length + 1}`,
    });
    machines.push(machine);
    return machine;
  };
  for (let i = 0; i < count; i++) addMachine();
  return {
    hub,
    host,
    client,
    machines,
    addMachine,
    async close() {
      await Promise.all(machines.map((machine) => machine.stop()));
      client.close();
      await host.stop();
      hub.close();
    },
  };
}

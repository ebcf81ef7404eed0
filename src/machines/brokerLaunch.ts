import { hostBroker, type BrokerHost } from './brokerHost';
import { brokerWorkerName, isHostingNotice, type HostRequest } from './brokerPort';
import type { Hub } from './bus';
import type { BrokerPlace } from './protocol';
import type { SnapshotStore } from './store';
import type { BrokerConfig } from './types';

/** Where a tab asks for its cluster's broker: the shared worker where the browser has one, or itself (a tab). */
export type BrokerChoice = 'shared worker' | 'tab';

/** The shared worker where it exists; else the tab election (some mobile browsers have no SharedWorker). */
export const defaultBrokerChoice = (): BrokerChoice => (typeof SharedWorker === 'function' ? 'shared worker' : 'tab');

/** This tab's side of its cluster's broker, wherever it runs. */
export interface BrokerLink {
  readonly place: Exclude<BrokerPlace, 'page'>;
  /** The broker host in this tab (the tab election), or undefined when the shared worker hosts it. */
  readonly host: BrokerHost | undefined;
  /** Does the host this tab started (itself or the shared worker) run the broker now? */
  readonly hosting: boolean;
  /** Leaves: a tab host saves and hands over; the shared worker lives on while other tabs hold it. */
  stop(): Promise<void>;
}

export function launchBroker({
  hub,
  store,
  config = {},
  choice = defaultBrokerChoice(),
}: {
  hub: Hub;
  store: SnapshotStore;
  config?: Partial<BrokerConfig>;
  choice?: BrokerChoice;
}): BrokerLink {
  if (choice === 'tab' || typeof SharedWorker !== 'function') {
    const host = hostBroker({ hub, store, config });
    return {
      place: 'tab',
      host,
      get hosting() {
        return host.broker !== undefined;
      },
      stop: () => host.stop(),
    };
  }
  // The worker keeps its own store (IndexedDB): `store` is for the tab election only.
  const worker = new SharedWorker(new URL('./brokerWorker.ts', import.meta.url), {
    type: 'module',
    name: brokerWorkerName(hub.cluster),
  });
  let hosting = false;
  const onNotice = ({ data }: MessageEvent) => {
    if (isHostingNotice(data)) hosting = true;
  };
  worker.port.addEventListener('message', onNotice);
  worker.port.start();
  worker.port.postMessage({ type: 'host', cluster: hub.cluster, config } satisfies HostRequest);
  return {
    place: 'shared worker',
    host: undefined,
    get hosting() {
      return hosting;
    },
    async stop() {
      // The worker is the origin's, not this tab's: it goes when its last tab does.
      worker.port.removeEventListener('message', onNotice);
      worker.port.close();
    },
  };
}

import { validateConfig, type BrokerConfig } from './types';

/**
 * What a tab and the cluster's shared worker (brokerWorker.ts) say over the worker's port. The broker's own traffic
 * does not go this way: it stays on the cluster's `BroadcastChannel`, the same whichever host runs the broker. The
 * port is the tab's hold on the worker (it lives while a tab of the origin holds it) and tells the tab when the
 * worker has become the broker.
 */

/** Tab → worker, on connecting: host the broker of this cluster, with these settings if it is the first to ask. */
export interface HostRequest {
  type: 'host';
  cluster: string;
  config: Partial<BrokerConfig>;
}

/** Worker → tab: the worker runs the broker now (sent to each tab as it connects, and to all at the election). */
export interface HostingNotice {
  type: 'hosting';
  id: string;
}

/** The worker's name for a cluster: one shared worker per cluster, as one broker per cluster. */
export const brokerWorkerName = (cluster: string) => `pp-machines-broker:${cluster}`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A host request from a port, checked (any page of the origin can connect): `undefined` if malformed. */
export function parseHostRequest(data: unknown): HostRequest | undefined {
  if (!isRecord(data) || data.type !== 'host' || typeof data.cluster !== 'string' || !isRecord(data.config)) return;
  if (!/^[A-Za-z0-9-]{1,40}$/.test(data.cluster)) return;
  const given = data.config;
  const checked = validateConfig(given);
  if (!checked.ok) return;
  const config = Object.fromEntries(
    Object.keys(given)
      .filter((key): key is keyof BrokerConfig => key in checked.config && given[key] !== undefined)
      .map((key) => [key, checked.config[key]]),
  );
  return { type: 'host', cluster: data.cluster, config };
}

export function isHostingNotice(data: unknown): data is HostingNotice {
  return isRecord(data) && data.type === 'hosting' && typeof data.id === 'string';
}

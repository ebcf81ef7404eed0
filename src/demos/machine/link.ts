import type { BrokerChoice } from '../../machines';
import { meta } from './meta';

/** The link's choice of broker: the tab election if asked for, else the default (the shared worker where there is one). */
export function brokerChoice(setting: 'shared' | 'tab' | undefined): BrokerChoice | undefined {
  return setting === 'tab' ? 'tab' : undefined;
}

/**
 * The link that opens this playground as a worker machine of `cluster`: the demo alone, in the worker role, and
 * with the client's choice of broker if it is not the default.
 */
export function workerTabUrl(
  current: string,
  cluster: string,
  cores: number,
  broker: 'shared' | 'tab' = 'shared',
): string {
  const url = new URL(current);
  url.search = '';
  url.hash = '';
  url.searchParams.set('embed', meta.id);
  url.searchParams.set(`${meta.id}.role`, 'worker');
  url.searchParams.set(`${meta.id}.cluster`, cluster);
  url.searchParams.set(`${meta.id}.cores`, String(cores));
  if (broker === 'tab') url.searchParams.set(`${meta.id}.broker`, broker);
  return url.href;
}

import { meta } from './meta';

/** The link that opens this playground as a worker machine of `cluster`: the demo alone, in the worker role. */
export function workerTabUrl(current: string, cluster: string, cores: number): string {
  const url = new URL(current);
  url.search = '';
  url.hash = '';
  url.searchParams.set('embed', meta.id);
  url.searchParams.set(`${meta.id}.role`, 'worker');
  url.searchParams.set(`${meta.id}.cluster`, cluster);
  url.searchParams.set(`${meta.id}.cores`, String(cores));
  return url.href;
}

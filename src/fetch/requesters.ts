import { delayPath } from './latency';
import type { FetchParams } from './params';
import type { Requester } from './strategies';

/** The file the fallback requests: a real file of this site, with the host's real latency. */
export const FALLBACK_FILE = 'fetch-sample.txt';

/** Where the requests of a run go. */
export type Target = 'endpoint' | 'fallback' | 'url';

/** Fetches one address and reads its whole body; an HTTP error or a network failure rejects with the reason. */
async function fetchBytes(url: string, signal: AbortSignal): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, { signal, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) throw error;
    // The browser deliberately hides whether CORS or the network refused the request.
    throw new Error(`network or CORS failure (the browser does not say which): ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  return (await response.arrayBuffer()).byteLength;
}

/**
 * The request function for a run. `run` tags the requests of one run, so that no cache between runs hides a
 * request.
 */
export function requesterFor(target: Target, params: FetchParams, run: number): Requester {
  if (target === 'url') return (_index, signal) => fetchBytes(params.url, signal);
  if (target === 'fallback') return (index, signal) => fetchBytes(`${FALLBACK_FILE}?run=${run}&i=${index}`, signal);
  return (index, signal) =>
    fetchBytes(
      delayPath({
        ms: params.delayMs,
        jitter: params.jitterMs,
        bytes: params.bytes,
        fail: params.failRate,
        seed: params.seed,
        i: index,
      }),
      signal,
    );
}

import { seededRandom } from '../random';
import { sleep } from '../sleep';

/**
 * The latency endpoint `api/delay`, answered inside the browser by the service worker: no server needed, so a
 * static host can serve the async fetch demo. Parameters travel in the query string; every request names its index
 * so that its delay and failure come from (seed, index) alone and a run repeats exactly, whatever the order.
 */

export const DELAY_PATH = 'api/delay';

export interface DelayParams {
  /** Mean delay before the answer, ms. */
  ms: number;
  /** The delay varies uniformly by up to ± jitter ms (never below 0). */
  jitter: number;
  /** Size of the answer's body, bytes. */
  bytes: number;
  /** Share of requests that fail with HTTP 503, 0 to 1. */
  fail: number;
  seed: number;
  /** The request's index in its run. */
  i: number;
}

/** Upper bounds the endpoint enforces, whatever a URL asks for. */
const DELAY_LIMITS = { ms: 60_000, jitter: 60_000, bytes: 10_000_000 } as const;

/** The query string of one request, relative to the app's base: `api/delay?ms=200&…`. */
export function delayPath(params: DelayParams): string {
  const query = new URLSearchParams();
  for (const key of ['ms', 'jitter', 'bytes', 'fail', 'seed', 'i'] as const) query.set(key, String(params[key]));
  return `${DELAY_PATH}?${query}`;
}

/** Reads a request's query; missing, non-numeric or out-of-range values are clamped, never trusted. */
export function parseDelayQuery(query: URLSearchParams): DelayParams {
  const read = (key: string, max: number) => {
    const value = Number(query.get(key) ?? 0);
    return Number.isFinite(value) ? Math.min(max, Math.max(0, value)) : 0;
  };
  return {
    ms: read('ms', DELAY_LIMITS.ms),
    jitter: read('jitter', DELAY_LIMITS.jitter),
    bytes: Math.floor(read('bytes', DELAY_LIMITS.bytes)),
    fail: read('fail', 1),
    seed: Math.floor(read('seed', 2 ** 32 - 1)),
    i: Math.floor(read('i', 2 ** 32 - 1)),
  };
}

/** What the endpoint does for one request: how long it waits, and whether it fails. Depends on seed and index only. */
export function delayOutcome(params: DelayParams): { waitMs: number; fails: boolean } {
  const random = seededRandom(hash(params.seed, params.i));
  const spread = (random() * 2 - 1) * params.jitter;
  const fails = random() < params.fail;
  return { waitMs: Math.max(0, Math.round(params.ms + spread)), fails };
}

/** Mixes seed and index into one 32-bit state, so neighbouring indices get unrelated streams. */
function hash(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The service worker's answer to one request: waits, then a body of the asked size, or HTTP 503. An aborted request
 * stops waiting at once (the page has gone on without it).
 */
export async function answerDelay(url: URL, signal?: AbortSignal): Promise<Response> {
  const params = parseDelayQuery(url.searchParams);
  const { waitMs, fails } = delayOutcome(params);
  await sleep(waitMs, signal);
  const headers = {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Delay-Ms': `${waitMs}`,
  };
  if (fails) return new Response(`Simulated failure of request ${params.i}`, { status: 503, headers });
  return new Response('x'.repeat(params.bytes), { status: 200, headers });
}

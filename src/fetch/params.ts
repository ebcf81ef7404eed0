import type { Parsed } from '../tasks/validate';
import type { Strategy } from './strategies';

/** The fetch demo's settings as typed (raw text, as they live in the URL); read by its schema (demos/fetch). */
export type FetchRaw = {
  source: string;
  url: string;
  strategy: string;
  n: string;
  delay: string;
  jitter: string;
  bytes: string;
  fail: string;
  seed: string;
  k: string;
  timeout: string;
};

export interface FetchParams {
  source: Source;
  /** The user's own address, for source `url`. */
  url: string;
  strategy: Strategy;
  n: number;
  delayMs: number;
  jitterMs: number;
  bytes: number;
  /** 0 to 1. */
  failRate: number;
  seed: number;
  timeoutMs: number;
}

/** Source and strategy as literals: they are the schema's choices' defaults. */
export const FETCH_DEFAULTS = {
  source: 'delay',
  url: '',
  strategy: 'all',
  n: '20',
  delay: '200',
  jitter: '0',
  bytes: '1000',
  fail: '0',
  seed: '1',
  k: '5',
  timeout: '5000',
} as const satisfies FetchRaw;

export const STRATEGY_KINDS = ['sequential', 'all', 'limited'] as const;
export const SOURCES = ['delay', 'url'] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];
export type Source = (typeof SOURCES)[number];

export const FETCH_LIMITS = {
  n: { label: 'Requests (N)', min: 1, max: 500 },
  delay: { label: 'Delay', min: 0, max: 10_000 },
  jitter: { label: 'Jitter', min: 0, max: 10_000 },
  bytes: { label: 'Payload', min: 0, max: 5_000_000 },
  fail: { label: 'Failure rate', min: 0, max: 100 },
  seed: { label: 'Seed', min: 0, max: 2 ** 32 - 1 },
  k: { label: 'k', min: 1, max: 500 },
  timeout: { label: 'Timeout', min: 1, max: 120_000 },
} as const;

/** Checks an address a person typed: it must be a whole http:// or https:// URL. */
export function parseHttpUrl(raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'Enter an address, e.g. https://example.com/data.json' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'This is not a complete address: start it with https:// or http://' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: `Only http and https addresses can be fetched, not ${url.protocol}` };
  }
  return { ok: true, value: url.href };
}

/** Presets that mirror the Python concurrency talks; each sets these fields and leaves the others as they are. */
export const FETCH_PRESETS: { id: string; label: string; values: Partial<FetchRaw> }[] = [
  {
    id: 'semaphore',
    label: '200 tasks that each wait 1 s, 50 at a time ≈ 4 s',
    values: { source: 'delay', strategy: 'limited', n: '200', delay: '1000', jitter: '0', fail: '0', k: '50' },
  },
  {
    id: 'gather',
    label: 'asyncio.gather of 4 downloads',
    values: { source: 'delay', strategy: 'all', n: '4', delay: '800', jitter: '400', bytes: '1000000', fail: '0' },
  },
  {
    id: 'flaky',
    label: '20 requests, 200 ms, one in five fails',
    values: { source: 'delay', strategy: 'all', n: '20', delay: '200', jitter: '50', fail: '20' },
  },
];

import { CancelledError } from '../pool';
import { pageHtml, pageIndex, parseLinks, pageUrl, type Site } from './site';
import { sleep } from '../sleep';
import { MAX_FETCHERS } from './limits';

/** Fetches one page: its status and body. The synthetic site in memory, or over HTTP from the service worker. */
export type PageSource = (url: string, signal: AbortSignal) => Promise<{ status: number; body: string }>;

/** The site in memory: each page answers after its own latency (times `timeScale`), a broken link with 404. */
export function siteSource(site: Site, timeScale = 1): PageSource {
  return async (url, signal) => {
    const index = pageIndex(url);
    const page = index === null ? null : site.page(index);
    await sleep((page?.latencyMs ?? site.params.latencyMs) * timeScale, signal);
    return page && index !== null ? { status: 200, body: pageHtml(index, page) } : { status: 404, body: 'not found' };
  };
}

/**
 * When the crawl counts as finished:
 * - `join`: the frontier is empty and nothing is in flight (the talk's `queue.join()`), correct for every k;
 * - `frontier-empty`: the classic bug, stop as soon as a page comes back and the frontier is momentarily empty,
 *   abandoning the fetches still in flight and every page behind them. Correct only for k = 1.
 */
export type StopRule = 'join' | 'frontier-empty';

export interface CrawlOptions {
  source: PageSource;
  /** Fetchers at once (asyncio tasks on the page). */
  fetchers: number;
  start?: string;
  stopRule?: StopRule;
  signal?: AbortSignal;
  onProgress?: (progress: CrawlProgress) => void;
  /** The clock, ms; `performance.now` unless a test passes its own. */
  now?: () => number;
}

export interface CrawlProgress {
  elapsedMs: number;
  frontier: number;
  inFlight: number;
  visited: number;
}

export interface CrawlResult {
  /** Pages fetched with status 200, in the order they came back. */
  visited: string[];
  /** Links that answered 404. */
  broken: string[];
  /** Every fetch made, successful or not (no URL twice: the seen set). */
  fetches: number;
  ms: number;
  pagesPerSecond: number;
  /** The frontier's size after every fetch came back: the curve the demo draws. */
  series: CrawlProgress[];
  stopRule: StopRule;
}

export { MAX_FETCHERS };

/**
 * Work that makes more work: a crawler with a frontier queue, a seen set and k concurrent fetchers. There is no
 * list of pages in advance; each page fetched yields more to fetch. A pure state machine over the page source:
 * no DOM, no network of its own, so it is tested in Node and runs the same on the page.
 */
export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const { source, fetchers } = options;
  if (!Number.isInteger(fetchers) || fetchers < 1 || fetchers > MAX_FETCHERS) {
    throw new RangeError(`fetchers must be a whole number from 1 to ${MAX_FETCHERS}`);
  }
  const now = options.now ?? (() => performance.now());
  const stopRule = options.stopRule ?? 'join';
  const start = options.start ?? pageUrl(0);
  const frontier: string[] = [start];
  const seen = new Set(frontier);
  const visited: string[] = [];
  const broken: string[] = [];
  const series: CrawlProgress[] = [];
  let inFlight = 0;
  let fetches = 0;
  let finished = false;
  const started = now();
  // Aborting this stops the fetches in flight: on cancel, and when the buggy rule declares the crawl done.
  const stop = new AbortController();
  // Idle fetchers wait here for the frontier to grow or the crawl to end (an asyncio.Event / condition).
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => (wake = resolve));
  const notify = () => {
    wake();
    changed = new Promise<void>((resolve) => (wake = resolve));
  };
  const finish = () => {
    finished = true;
    notify();
  };
  const onAbort = () => {
    stop.abort(new CancelledError());
    notify(); // idle fetchers wake, see the abort and end
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const record = () => {
    const progress = { elapsedMs: now() - started, frontier: frontier.length, inFlight, visited: visited.length };
    series.push(progress);
    options.onProgress?.(progress);
  };

  async function fetcher(): Promise<void> {
    while (!finished) {
      if (options.signal?.aborted) throw new CancelledError();
      const url = frontier.shift();
      if (url === undefined) {
        if (inFlight === 0) return finish();
        await changed;
        continue;
      }
      inFlight++;
      let answer: { status: number; body: string };
      try {
        answer = await source(url, stop.signal);
      } catch (error) {
        if (stop.signal.aborted && (finished || options.signal?.aborted)) return;
        throw error;
      } finally {
        inFlight--;
      }
      if (finished) return; // the buggy rule already declared the crawl done: this page is lost
      fetches++;
      if (answer.status === 200) {
        visited.push(url);
        for (const link of parseLinks(answer.body)) {
          const next = pageUrl(link);
          if (!seen.has(next)) {
            seen.add(next);
            frontier.push(next);
          }
        }
      } else {
        broken.push(url);
      }
      record();
      if (stopRule === 'frontier-empty' && frontier.length === 0) {
        finish();
        stop.abort(new CancelledError('stopped early'));
        return;
      }
      notify();
    }
  }

  try {
    await Promise.all(Array.from({ length: fetchers }, fetcher));
    if (options.signal?.aborted) throw new CancelledError();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    finish();
    stop.abort();
  }
  const ms = now() - started;
  return { visited, broken, fetches, ms, pagesPerSecond: visited.length / (ms / 1000), series, stopRule };
}

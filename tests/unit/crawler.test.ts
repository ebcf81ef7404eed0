import { describe, expect, it } from 'vitest';
import { crawl, siteSource, type PageSource } from '../../src/queues/crawler';
import { hubSite, makeSite, pageIndex, reachable, type SiteParams } from '../../src/queues/site';
import { CancelledError } from '../../src/pool';

const params = (seed: number): SiteParams => ({
  pages: 150,
  seed,
  meanLinks: 3,
  brokenShare: 0.05,
  latencyMs: 1,
  jitterMs: 1,
});

const indices = (urls: string[]) => urls.map((url) => pageIndex(url)!).sort((a, b) => a - b);

describe('the crawler: work that makes more work', () => {
  it.each([1, 2, 3])(
    'visits every reachable page exactly once and counts broken links, seed %i, k = 1, 2, 8, 64',
    async (seed) => {
      const site = makeSite(params(seed));
      const reference = reachable(site);
      expect(reference.pages.size).toBeGreaterThan(50); // a site worth crawling, with broken links to count
      expect(reference.brokenLinks.size).toBeGreaterThan(0);
      for (const fetchers of [1, 2, 8, 64]) {
        const result = await crawl({ source: siteSource(site, 0.2), fetchers });
        expect(new Set(result.visited).size).toBe(result.visited.length);
        expect(indices(result.visited)).toEqual([...reference.pages].sort((a, b) => a - b));
        expect(indices(result.broken)).toEqual([...reference.brokenLinks].sort((a, b) => a - b));
        expect(result.fetches).toBe(reference.pages.size + reference.brokenLinks.size);
        expect(result.series.at(-1)).toMatchObject({ frontier: 0, inFlight: 0 });
      }
    },
  );

  it('with the early-stop bug, k = 1 is still right, and k ≥ 2 misses the pages behind the slow hub', async () => {
    const site = hubSite(50, 2);
    const correct = await crawl({ source: siteSource(site), fetchers: 1, stopRule: 'frontier-empty' });
    expect(correct.visited).toHaveLength(50);
    for (const fetchers of [2, 8]) {
      const buggy = await crawl({ source: siteSource(site), fetchers, stopRule: 'frontier-empty' });
      expect(buggy.visited).toHaveLength(2); // the start page and the leaf; 48 missed
      const right = await crawl({ source: siteSource(site), fetchers, stopRule: 'join' });
      expect(right.visited).toHaveLength(50);
    }
  });

  it('more fetchers, more pages per second: the work is waiting, not computing', async () => {
    const site = makeSite({ ...params(7), pages: 150, latencyMs: 5, jitterMs: 0 });
    const one = await crawl({ source: siteSource(site), fetchers: 1 });
    const sixteen = await crawl({ source: siteSource(site), fetchers: 16 });
    expect(sixteen.visited.length).toBe(one.visited.length);
    expect(sixteen.pagesPerSecond).toBeGreaterThan(4 * one.pagesPerSecond); // ideal 16×; timers on a busy CI
  });

  it('cancel ends the crawl with a CancelledError and leaves no fetch running', async () => {
    let running = 0;
    const inner = siteSource(makeSite({ ...params(1), latencyMs: 20 }));
    const source: PageSource = async (url, signal) => {
      running++;
      try {
        return await inner(url, signal);
      } finally {
        running--;
      }
    };
    const controller = new AbortController();
    const run = crawl({ source, fetchers: 8, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(running).toBe(0);
  });

  it('refuses a fetcher count out of bounds', async () => {
    const source = siteSource(makeSite(params(1)));
    await expect(crawl({ source, fetchers: 0 })).rejects.toThrow(RangeError);
  });
});

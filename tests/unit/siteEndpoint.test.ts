import { describe, expect, it } from 'vitest';
import { crawl, siteSource, type PageSource } from '../../src/queues/crawler';
import { makeSite, type SiteParams } from '../../src/queues/site';
import { answerSitePage, parseSiteQuery, SITE_PATH, siteQuery } from '../../src/queues/siteEndpoint';

const params: SiteParams = { pages: 80, seed: 5, meanLinks: 3, brokenShare: 0.1, latencyMs: 1, jitterMs: 0 };

describe('the synthetic site over HTTP (what the service worker answers)', () => {
  it('round-trips its parameters and clamps hostile ones', () => {
    expect(parseSiteQuery(new URLSearchParams(siteQuery(params)))).toEqual(params);
    expect(parseSiteQuery(new URLSearchParams('pages=1e9&seed=-3&links=x&broken=4&ms=Infinity'))).toEqual({
      pages: 100_000,
      seed: 0,
      meanLinks: 0,
      brokenShare: 1,
      latencyMs: 0,
      jitterMs: 0,
    });
  });

  it('a crawl through the endpoint finds the same pages and broken links as the site in memory', async () => {
    const base = 'https://host/app/';
    const overHttp: PageSource = async (url, signal) => {
      const response = await answerSitePage(new URL(`${SITE_PATH}${url}?${siteQuery(params)}`, base), signal);
      return { status: response.status, body: await response.text() };
    };
    const viaEndpoint = await crawl({ source: overHttp, fetchers: 4 });
    const inMemory = await crawl({ source: siteSource(makeSite(params)), fetchers: 4 });
    expect(new Set(viaEndpoint.visited)).toEqual(new Set(inMemory.visited));
    expect(new Set(viaEndpoint.broken)).toEqual(new Set(inMemory.broken));
    expect(viaEndpoint.broken.length).toBeGreaterThan(0);
  });
});

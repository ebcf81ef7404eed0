import type { PageSource } from './crawler';
import { makeSite, pageHtml, pageIndex, SITE_LIMITS, type SiteParams } from './site';
import { sleep } from '../sleep';

/**
 * The synthetic site over HTTP, answered inside the browser by the service worker: `api/site/page/<n>?pages=…`,
 * under the app's own path, so the crawler makes real requests on any static host and needs no server. The site's
 * parameters travel in the query string; every answer depends on them and the page number alone.
 */
export const SITE_PATH = 'api/site/';

export function siteQuery(params: SiteParams): string {
  const query = new URLSearchParams();
  query.set('pages', String(params.pages));
  query.set('seed', String(params.seed));
  query.set('links', String(params.meanLinks));
  query.set('broken', String(params.brokenShare));
  query.set('ms', String(params.latencyMs));
  query.set('jitter', String(params.jitterMs));
  return query.toString();
}

/** Reads the query; missing, non-numeric or out-of-range values are clamped, never trusted. */
export function parseSiteQuery(query: URLSearchParams): SiteParams {
  const read = (key: string, min: number, max: number) => {
    const value = Number(query.get(key) ?? min);
    return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
  };
  return {
    pages: Math.floor(read('pages', SITE_LIMITS.pages.min, SITE_LIMITS.pages.max)),
    seed: Math.floor(read('seed', 0, 2 ** 32 - 1)),
    meanLinks: read('links', SITE_LIMITS.meanLinks.min, SITE_LIMITS.meanLinks.max),
    brokenShare: read('broken', 0, 1),
    latencyMs: read('ms', SITE_LIMITS.latencyMs.min, SITE_LIMITS.latencyMs.max),
    jitterMs: read('jitter', 0, SITE_LIMITS.latencyMs.max),
  };
}

/** The service worker's answer: the page's HTML after its latency, or 404 for a broken link. */
export async function answerSitePage(url: URL, signal?: AbortSignal): Promise<Response> {
  const site = makeSite(parseSiteQuery(url.searchParams));
  const index = pageIndex(url.pathname);
  const page = index === null ? null : site.page(index);
  await sleep(page?.latencyMs ?? site.params.latencyMs, signal);
  const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
  if (!page || index === null) return new Response('not found', { status: 404, headers });
  return new Response(pageHtml(index, page), { status: 200, headers });
}

/** A page source that fetches the synthetic site through the service worker, relative to the app's base. */
export function httpSource(params: SiteParams, base: string | URL = document.baseURI): PageSource {
  const query = siteQuery(params);
  return async (url, signal) => {
    const response = await fetch(new URL(`${SITE_PATH}${url}?${query}`, base), { signal });
    return { status: response.status, body: await response.text() };
  };
}

import { drawInteger, seededRandom } from '../random';

/**
 * A synthetic web site for the crawler: N pages from a seed, each page linking to others (loops and back links
 * included), some links broken (to pages that do not exist: 404), each page with its own latency. Every page is
 * computed from (seed, index) alone, so the site is the same on every machine and in every order of fetching.
 */
export interface SiteParams {
  pages: number;
  seed: number;
  /** Links per page, drawn from 0 … 2·mean. */
  meanLinks: number;
  /** Share of links that point to a missing page, 0 to 1. */
  brokenShare: number;
  /** Latency per page, drawn from [mean − jitter, mean + jitter] ms. */
  latencyMs: number;
  jitterMs: number;
}

export const SITE_LIMITS = {
  pages: { min: 1, max: 100_000 },
  meanLinks: { min: 0, max: 50 },
  latencyMs: { min: 0, max: 10_000 },
} as const;

export interface Page {
  /** Page indices linked to; an index ≥ pages is a broken link. */
  links: number[];
  latencyMs: number;
}

/** Pages are `page/<index>` under the site's root; the crawler follows these, relative to where it started. */
export function pageUrl(index: number): string {
  return `page/${index}`;
}

export function pageIndex(url: string): number | null {
  const match = /(?:^|\/)page\/(\d+)$/.exec(url);
  return match ? Number(match[1]) : null;
}

export interface Site {
  params: SiteParams;
  /** The page, or null for a broken link (an index past the end). */
  page(index: number): Page | null;
}

export function makeSite(params: SiteParams): Site {
  if (!Number.isInteger(params.pages) || params.pages < SITE_LIMITS.pages.min || params.pages > SITE_LIMITS.pages.max) {
    throw new RangeError(`pages must be a whole number from ${SITE_LIMITS.pages.min} to ${SITE_LIMITS.pages.max}`);
  }
  return {
    params,
    page(index) {
      if (!Number.isInteger(index) || index < 0 || index >= params.pages) return null;
      const random = seededRandom(mix(params.seed, index));
      // The start page links to as many pages as any page may, so the crawl does not die out at the door.
      const most = Math.round(2 * params.meanLinks);
      const count = index === 0 ? most : drawInteger(random, 0, most);
      const links = Array.from({ length: count }, () =>
        random() < params.brokenShare
          ? params.pages + drawInteger(random, 0, 999)
          : drawInteger(random, 0, params.pages - 1),
      );
      const latencyMs = Math.max(0, params.latencyMs + (random() * 2 - 1) * params.jitterMs);
      return { links, latencyMs };
    },
  };
}

/**
 * A site built to show the early-stop bug: the start page links to a fast leaf and a slow hub, and the hub links to
 * every other page. With two fetchers or more the leaf comes back while the hub is still in flight, the frontier is
 * empty for that moment, and a crawler that stops then misses everything behind the hub.
 */
export function hubSite(pages: number, latencyMs: number): Site {
  const params: SiteParams = { pages, seed: 0, meanLinks: 0, brokenShare: 0, latencyMs, jitterMs: 0 };
  return {
    params,
    page(index) {
      if (!Number.isInteger(index) || index < 0 || index >= pages) return null;
      if (index === 0) return { links: [1, 2], latencyMs };
      if (index === 1) return { links: [], latencyMs };
      if (index === 2) return { links: Array.from({ length: pages - 3 }, (_, i) => i + 3), latencyMs: 5 * latencyMs };
      return { links: [0], latencyMs };
    },
  };
}

/** The page as HTML: the crawler has to find its links the way a real one does. */
export function pageHtml(index: number, page: Page): string {
  const anchors = page.links.map((link) => `<li><a href="${link}">page ${link}</a></li>`).join('');
  return `<!doctype html><title>Page ${index}</title><h1>Page ${index}</h1><ul>${anchors}</ul>`;
}

/** The links of a page's HTML, as page indices. */
export function parseLinks(html: string): number[] {
  return Array.from(html.matchAll(/href="(\d+)"/g), (match) => Number(match[1]));
}

/** The sequential reference: a breadth-first walk, no fetching. What every correct crawl must visit. */
export function reachable(site: Site, start = 0): { pages: Set<number>; brokenLinks: Set<number> } {
  const pages = new Set<number>();
  const brokenLinks = new Set<number>();
  const frontier = [start];
  const seen = new Set(frontier);
  while (frontier.length > 0) {
    const index = frontier.shift()!;
    const page = site.page(index);
    if (!page) {
      brokenLinks.add(index);
      continue;
    }
    pages.add(index);
    for (const link of page.links) {
      if (!seen.has(link)) {
        seen.add(link);
        frontier.push(link);
      }
    }
  }
  return { pages, brokenLinks };
}

/** Mixes seed and index into one 32-bit state, so neighbouring pages get unrelated streams. */
function mix(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

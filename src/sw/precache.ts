/**
 * What the service worker keeps for offline use, and which request each kept file answers. Pure: the build
 * (scripts/serviceWorkerPlugin.ts) makes the manifest, the service worker routes with it, unit tests check both.
 *
 * The manifest is written into `sw.js` itself, so every deploy that changes any file changes `sw.js` byte for byte:
 * that is what makes the browser install the new service worker beside the old one.
 */

/** The build's output, as the service worker needs it. File names are relative to the app's root (its scope). */
export interface PrecacheManifest {
  /** A hash of every precached file's name and bytes: a new version has a new cache. */
  version: string;
  files: string[];
}

export const CACHE_PREFIX = 'parallel-playground-';

export const cacheName = (manifest: PrecacheManifest) => `${CACHE_PREFIX}${manifest.version}`;

/** The build's files that are not kept: the service worker itself, the host's header rules, source maps. */
export function precacheFiles(outputNames: readonly string[]): string[] {
  return outputNames
    .filter((name) => name !== 'sw.js' && name !== '_headers' && !name.endsWith('.map'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** This app's caches from other versions (another app on the same origin keeps its own). */
export function staleCaches(names: readonly string[], current: string): string[] {
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== current);
}

/** The parts of a Request that routing reads. */
export interface RequestFacts {
  url: string;
  method: string;
  mode: string;
  cache: string;
}

/**
 * The precached file that answers this request, or null when it goes to the network. A page load of the app (any
 * query: `?embed=fetch&fetch.n=20`) is answered by its HTML file; any other request only when it asks for a kept
 * file exactly, without a query, and without asking to bypass caches (the fetch demo's `cache: 'no-store'` requests
 * measure the network, not this cache).
 */
export function precachedFile(request: RequestFacts, scope: string, files: ReadonlySet<string>): string | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  const root = new URL(scope);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  const path = url.pathname.slice(root.pathname.length);
  if (request.mode === 'navigate') {
    const page = path === '' ? 'index.html' : path;
    return page.endsWith('.html') && files.has(page) ? page : null;
  }
  if (url.search !== '' || request.cache === 'no-store' || request.cache === 'reload') return null;
  return files.has(path) ? path : null;
}

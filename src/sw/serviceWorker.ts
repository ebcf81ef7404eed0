/**
 * The playground's one service worker (a page is controlled by one worker per scope), bundled into `sw.js` at the
 * app's root by scripts/serviceWorkerPlugin.ts. It does three jobs:
 * - adds COOP/COEP/CORP (and the CSP, where the host sends none) to same-origin responses, so that a host that
 *   cannot send headers (GitHub Pages) still serves a cross-origin isolated page after one reload;
 * - answers the latency endpoint `api/delay` of the async fetch demo, and the queues demo's synthetic site
 *   `api/site/page/<n>` for its crawler, so neither needs a server;
 * - keeps the built app (pages, scripts, workers, styles) in a cache named after its version, so that it opens
 *   offline after one visit (src/sw/precache.ts).
 *
 * A new version (a redeploy changes `sw.js`, which holds the file list) installs its cache beside the old one and
 * waits: the open pages keep running the old files, whose hashed names the new deploy no longer has. The page offers
 * "a new version is ready — reload" (src/hosting/updates.ts) and sends `skip-waiting`; the new worker then takes
 * over, removes the old caches and the page reloads.
 */
import { answerDelay, DELAY_PATH } from '../fetch/latency';
import { servedHeaders } from '../hosting/headers';
import { answerSitePage, SITE_PATH } from '../queues/siteEndpoint';
import { cacheName, precachedFile, staleCaches, type PrecacheManifest } from './precache';

/** The build's file list (null under `vite dev`, which keeps nothing: its modules change on every edit). */
declare const __PRECACHE_MANIFEST__: PrecacheManifest | null;

// The service-worker types are not in the DOM lib this project compiles against; these are the parts used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface ServiceWorkerScope {
  readonly registration: { readonly scope: string; readonly active: unknown };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = globalThis as unknown as ServiceWorkerScope;
const manifest = __PRECACHE_MANIFEST__;
const cache = manifest ? cacheName(manifest) : null;
const kept = new Set(manifest?.files ?? []);

worker.addEventListener('install', (event) => event.waitUntil(precache()));

/**
 * Fetches every file of this version into its own cache, past the HTTP cache. A first install that cannot finish
 * still installs, without offline use (isolation matters more than offline); an update that cannot finish fails, so
 * the worker already running goes on serving its complete version and the browser tries again later.
 */
async function precache(): Promise<void> {
  if (!manifest || !cache) return;
  const isUpdate = worker.registration.active !== null;
  try {
    const store = await caches.open(cache);
    const scope = worker.registration.scope;
    // Each body is stored as it arrives: a response left unread holds its connection, and the browser opens only
    // a few per host, so reading none until all had answered would stall the install.
    await Promise.all(
      manifest.files.map(async (file) =>
        store.put(new URL(file, scope), await download(file === 'index.html' ? scope : file)),
      ),
    );
  } catch (error) {
    await caches.delete(cache);
    if (isUpdate) throw error;
  }
}

/**
 * One file, past the HTTP cache. The app's page is fetched as the scope's root, as visitors load it (some hosts
 * redirect `index.html` to `/`). A redirected response is copied: the browser refuses to answer a page load with one.
 */
async function download(path: string): Promise<Response> {
  const response = await fetch(new URL(path, worker.registration.scope), { cache: 'reload' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

// Take over the pages already open on the first install: the first visit then needs one reload, not two.
worker.addEventListener('activate', (event) => event.waitUntil(activate()));

async function activate(): Promise<void> {
  if (cache) await Promise.all(staleCaches(await caches.keys(), cache).map((name) => caches.delete(name)));
  await worker.clients.claim();
}

// The page's "Reload" on the new-version notice: take over now instead of when every tab has closed.
worker.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'skip-waiting') event.waitUntil(worker.skipWaiting());
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Other origins keep the browser's own handling: their headers are theirs to send.
  if (url.origin !== location.origin) return;
  // A request the browser only wants answered from cache cannot be refetched here.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  if (url.pathname === new URL(DELAY_PATH, worker.registration.scope).pathname) {
    event.respondWith(answerDelay(url, request.signal).then(withServedHeaders));
    return;
  }
  if (url.pathname.startsWith(new URL(SITE_PATH, worker.registration.scope).pathname)) {
    event.respondWith(answerSitePage(url, request.signal).then(withServedHeaders));
    return;
  }
  const file = cache ? precachedFile(request, worker.registration.scope, kept) : null;
  if (file && cache) {
    event.respondWith(fromCache(cache, file, request).then(withServedHeaders));
    return;
  }
  event.respondWith(fetch(request).then(withServedHeaders));
});

/** The kept copy of a file; the network if it is missing (a cache the browser evicted, storage cleared). */
async function fromCache(name: string, file: string, request: Request): Promise<Response> {
  const kept = await caches.open(name).then((store) => store.match(new URL(file, worker.registration.scope)));
  return kept ?? fetch(request);
}

/**
 * The same response with the isolation headers and the Content-Security-Policy set. A policy the host already sends
 * is kept (`vite dev` sends a looser one for its inline styles). Opaque responses (status 0) cannot be changed, nor
 * need to be.
 */
function withServedHeaders(response: Response): Response {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(servedHeaders)) {
    if (name !== 'Content-Security-Policy' || !headers.has(name)) headers.set(name, value);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The playground's one service worker (a page is controlled by one worker per scope), bundled into `sw.js` at the
 * app's root by scripts/serviceWorkerPlugin.ts. It does two jobs:
 * - adds COOP/COEP/CORP to same-origin responses, so that a host that cannot send headers (GitHub Pages) still
 *   serves a cross-origin isolated page after one reload;
 * - answers the latency endpoint `api/delay` of the async fetch demo, and the queues demo's synthetic site
 *   `api/site/page/<n>` for its crawler, so neither needs a server.
 */
import { answerDelay, DELAY_PATH } from '../fetch/latency';
import { servedHeaders } from '../hosting/headers';
import { answerSitePage, SITE_PATH } from '../queues/siteEndpoint';

// The service-worker types are not in the DOM lib this project compiles against; these are the parts used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = globalThis as unknown as ServiceWorkerScope;

// Take over at once, also pages already open: the first visit then needs one reload, not two.
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

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
  event.respondWith(fetch(request).then(withServedHeaders));
});

/** The same response with the isolation headers set. Opaque responses (status 0) cannot be changed, nor need to be. */
function withServedHeaders(response: Response): Response {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(servedHeaders)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

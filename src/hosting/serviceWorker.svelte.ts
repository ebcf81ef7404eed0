import { shouldReload } from './reload';

export type WorkerStatus = 'starting' | 'ready' | 'unsupported' | 'failed';

/** The service worker as the page sees it: the fetch demo needs it in control, the header shows why when it is not. */
export const serviceWorker = $state({
  status: 'starting' as WorkerStatus,
  /** A service worker controls this page: `api/delay` is answered and same-origin responses get the headers. */
  controlled: false,
  /** Why the service worker is missing or did not make the page isolated, in words; empty when all is well. */
  note: '',
});

const RELOAD_KEY = 'parallel-playground:isolation-reload';

/**
 * Registers `sw.js` for the app's whole scope, then reloads once if the page is still not cross-origin isolated, so
 * that the worker's COOP/COEP apply to the page itself. Never reloads when the host already sends the headers, inside
 * an iframe, or a second time in the same tab.
 */
export async function startServiceWorker(): Promise<void> {
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  if (!container || !window.isSecureContext) {
    serviceWorker.status = 'unsupported';
    serviceWorker.note =
      'Service workers are not available here (a private window, an insecure http:// address, or a browser setting ' +
      'turns them off), so this page cannot make itself cross-origin isolated and the fetch demo uses its fallback.';
    return;
  }
  serviceWorker.controlled = container.controller !== null;
  container.addEventListener('controllerchange', () => (serviceWorker.controlled = container.controller !== null));

  const isolated = globalThis.crossOriginIsolated === true;
  const reloaded = readReloadMark();
  if (isolated) clearReloadMark();
  try {
    await activated(await container.register('./sw.js', { scope: './' }));
  } catch (error) {
    serviceWorker.status = 'failed';
    serviceWorker.note =
      `The service worker could not start (${error instanceof Error ? error.message : error}), so this page ` +
      'cannot make itself cross-origin isolated and the fetch demo uses its fallback.';
    return;
  }
  serviceWorker.status = 'ready';
  if (shouldReload({ isolated, framed: window.parent !== window, alreadyReloaded: reloaded !== false })) {
    if (markReload()) location.reload();
  } else if (!isolated && reloaded) {
    serviceWorker.note =
      'The service worker is running, but this browser did not make the page cross-origin isolated after a reload.';
  }
}

/**
 * Resolves once the registration has an active worker; rejects if it cannot get one. (`navigator.serviceWorker.ready`
 * would wait forever instead when installing fails, or when a browser setting blocks service workers.)
 */
function activated(registration: ServiceWorkerRegistration | undefined): Promise<void> {
  if (!registration) return Promise.reject(new Error('the browser declined to register it'));
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.reject(new Error('it has no worker to install'));
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('it failed to install'));
    });
  });
}

/** Whether this tab already reloaded for isolation; null when storage is blocked (then never reload: no guard). */
function readReloadMark(): boolean | null {
  try {
    return sessionStorage.getItem(RELOAD_KEY) !== null;
  } catch {
    return null;
  }
}

function markReload(): boolean {
  try {
    sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
    return true;
  } catch {
    return false;
  }
}

function clearReloadMark(): void {
  try {
    sessionStorage.removeItem(RELOAD_KEY);
  } catch {
    // Storage blocked: there is no mark to clear.
  }
}

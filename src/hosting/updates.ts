/**
 * "A new version is ready": after a redeploy the browser installs the new service worker beside the one that
 * controls this page, and the new one waits (see src/sw/serviceWorker.ts). This module notices it waiting and, when
 * the visitor agrees, lets it take over and reloads the page once. Framework-free: a component shows the notice.
 *
 * The structural types below are the parts of ServiceWorkerContainer / Registration / ServiceWorker it uses, so
 * that tests can pass small fakes.
 */

interface WorkerLike extends EventTarget {
  readonly state: string;
  postMessage(message: unknown): void;
}
interface RegistrationLike extends EventTarget {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
}
interface ContainerLike extends EventTarget {
  readonly controller: unknown;
}

/** Lets the waiting version take over, and reloads the page once it has (once, however often it is called). */
export type ApplyUpdate = () => void;

/**
 * Calls `onReady` once a new version has installed and waits behind the one that controls this page (at once if one
 * already waits). Not on the very first install: then nothing controlled the page, so there is no old version.
 * Returns a function that stops watching.
 */
export function watchForUpdate(
  container: ContainerLike,
  registration: RegistrationLike,
  onReady: (apply: ApplyUpdate) => void,
  reload: () => void = () => location.reload(),
): () => void {
  let stopped = false;
  let announced = false;
  const cleanups: (() => void)[] = [];
  const listen = (target: EventTarget, type: string, listener: () => void) => {
    target.addEventListener(type, listener);
    cleanups.push(() => target.removeEventListener(type, listener));
  };

  const announce = (waiting: WorkerLike) => {
    if (stopped || announced || container.controller === null) return;
    announced = true;
    let asked = false;
    onReady(() => {
      // Another tab already let it take over: this page runs the old files, reload now.
      if (waiting.state === 'activating' || waiting.state === 'activated') return reload();
      if (asked) return; // a second click while the first one is taking effect
      asked = true;
      container.addEventListener('controllerchange', () => reload(), { once: true });
      waiting.postMessage({ type: 'skip-waiting' });
    });
  };
  const track = (installing: WorkerLike) =>
    listen(installing, 'statechange', () => {
      if (installing.state === 'installed') announce(installing);
    });

  if (registration.waiting) announce(registration.waiting);
  if (registration.installing) track(registration.installing);
  listen(registration, 'updatefound', () => {
    if (registration.installing) track(registration.installing);
  });
  return () => {
    stopped = true;
    for (const cleanup of cleanups) cleanup();
  };
}

/**
 * The page's side: waits for the app's service worker registration, then watches it. Does nothing where service
 * workers are unavailable. Returns a function that stops watching.
 */
export function watchServiceWorkerUpdates(onReady: (apply: ApplyUpdate) => void): () => void {
  if (!('serviceWorker' in navigator)) return () => {};
  const container = navigator.serviceWorker;
  let stop: (() => void) | null = null;
  let stopped = false;
  void container.ready.then((registration) => {
    if (!stopped) stop = watchForUpdate(container, registration, onReady);
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

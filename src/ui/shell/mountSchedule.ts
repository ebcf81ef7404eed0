/**
 * When the full page mounts each demo (issue 10, fast to open): a demo mounts as it nears the viewport, or at once
 * when the address targets it (`#scheduling`, the start-here and navigation links). A demo nobody scrolls to is
 * never mounted: mounting all twelve at once was one task of over half a second, and mounting the rest one per idle
 * period still cost a phone (Lighthouse's 4× slower CPU) a 150–640 ms task each, 2.2–2.8 s of blocking in all.
 * What can wait for an idle moment (the share bars, the update check) waits in the IdleQueue, behind any demo that is
 * loading. Framework-free: DemoView calls it with its placeholder element.
 */

/** How far outside the viewport a demo starts mounting: half a screen ahead, so that scrolling rarely meets a placeholder. */
export const NEAR_MARGIN = '50% 0px';

/** Whether the address's fragment names this demo. */
export function targets(hash: string, id: string): boolean {
  const fragment = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(fragment) === id;
  } catch {
    return fragment === id; // a malformed escape: compared as it is
  }
}

/**
 * A queue of work waiting for an idle period (the share bars, the update check): one item per period, in order,
 * after the page has loaded.
 * `idle` is injectable for tests; in the page it is requestIdleCallback (with a timeout: a busy page still gets there).
 */
export class IdleQueue {
  #waiting: (() => void)[] = [];
  #scheduled = false;
  #started = false;
  #holds = 0;

  constructor(private readonly idle: (run: () => void) => void = onIdle) {}

  /** Starts draining, once the page has loaded (before, the first demos still compete with the page for the thread). */
  start(): void {
    this.#started = true;
    this.#next();
  }

  /** Queues one item, after those already waiting. */
  add(run: () => void): void {
    this.#waiting.push(run);
    this.#next();
  }

  /**
   * Holds the queue while something more urgent loads (a demo in view): the idle items wait until every hold is
   * released, so that they never compete with it for the network or the thread. Returns the release.
   */
  hold(): () => void {
    this.#holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds--;
      this.#next();
    };
  }

  #next(): void {
    if (!this.#started || this.#holds > 0 || this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    this.idle(() => {
      this.#scheduled = false;
      this.#waiting.shift()?.();
      this.#next();
    });
  }
}

function onIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1500 });
  else setTimeout(run, 50);
}

let pageQueue: IdleQueue | null = null;

/** The page's one queue, started after the window's load event and the observers' first reports. */
export function idleQueue(): IdleQueue {
  if (pageQueue) return pageQueue;
  const queue = new IdleQueue();
  pageQueue = queue;
  // Two frames after the load event: by then the observers have reported the demos in view, which hold the queue.
  const start = () => requestAnimationFrame(() => requestAnimationFrame(() => queue.start()));
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
  return queue;
}

/**
 * Calls `mount` once, as soon as the element nears the viewport or the address targets `id` (now or on a later
 * hashchange). `mount` resolves once the demo has loaded; until then the idle queue waits. Returns a stop for when
 * the element goes.
 */
export function mountWhenNeeded(
  element: Element,
  { id, mount }: { id: string; mount: (targeted: boolean) => Promise<void> },
): () => void {
  let done = false;
  const once = (targeted: boolean) => {
    if (done) return;
    done = true;
    stop();
    const release = idleQueue().hold();
    void mount(targeted).finally(release);
  };
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once(false), {
    rootMargin: NEAR_MARGIN,
  });
  const onHash = () => targets(location.hash, id) && once(true);
  const stop = () => {
    observer.disconnect();
    removeEventListener('hashchange', onHash);
  };
  observer.observe(element);
  addEventListener('hashchange', onHash);
  onHash();
  return () => {
    done = true;
    stop();
  };
}

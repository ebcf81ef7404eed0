/**
 * When the full page mounts each demo (issue 10, fast to open): a demo mounts as it nears the viewport, at once when
 * the address targets it (`#scheduling`, the start-here links), and otherwise later, one per idle period, so that
 * the whole page is there soon without any one long start-up task. Mounting all twelve at once was one task of
 * over half a second. Framework-free: DemoView calls it with its placeholder element.
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
 * A queue of demos waiting for an idle period: they mount in page order, one per period, after the page has loaded.
 * `idle` is injectable for tests; in the page it is requestIdleCallback (with a timeout: a busy page still gets there).
 */
export class IdleQueue {
  #waiting: { order: number; mount: () => void }[] = [];
  #scheduled = false;
  #started = false;
  #holds = 0;

  constructor(private readonly idle: (run: () => void) => void = onIdle) {}

  /** Starts draining, once the page has loaded (before, the first demos still compete with the page for the thread). */
  start(): void {
    this.#started = true;
    this.#next();
  }

  /** Queues one mount; `order` is its place on the page. Returns a cancel for a demo mounted some other way first. */
  add(order: number, mount: () => void): () => void {
    const entry = { order, mount };
    this.#waiting.push(entry);
    this.#waiting.sort((a, b) => a.order - b.order);
    this.#next();
    return () => {
      this.#waiting = this.#waiting.filter((other) => other !== entry);
    };
  }

  /**
   * Holds the queue while something more urgent loads (a demo in view): the idle mounts wait until every hold is
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

  get size(): number {
    return this.#waiting.length;
  }

  #next(): void {
    if (!this.#started || this.#holds > 0 || this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    this.idle(() => {
      this.#scheduled = false;
      this.#waiting.shift()?.mount();
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
 * Calls `mount` once, as soon as one of these happens: the element nears the viewport, the address targets `id`
 * (now or on a later hashchange), or its turn in the idle queue comes. `mount` resolves once the demo has loaded.
 * Returns a stop for when the element goes.
 */
export function mountWhenNeeded(
  element: Element,
  { id, order, mount }: { id: string; order: number; mount: (targeted: boolean) => Promise<void> },
): () => void {
  let done = false;
  const once = (targeted: boolean, urgent: boolean) => {
    if (done) return;
    done = true;
    stop();
    // A demo in view or asked for holds the idle mounts back until it has loaded.
    const release = urgent ? idleQueue().hold() : () => {};
    void mount(targeted).finally(release);
  };
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once(false, true), {
    rootMargin: NEAR_MARGIN,
  });
  const onHash = () => targets(location.hash, id) && once(true, true);
  const cancelIdle = idleQueue().add(order, () => once(false, false));
  const stop = () => {
    observer.disconnect();
    removeEventListener('hashchange', onHash);
    cancelIdle();
  };
  observer.observe(element);
  addEventListener('hashchange', onHash);
  onHash();
  return () => {
    done = true;
    stop();
  };
}

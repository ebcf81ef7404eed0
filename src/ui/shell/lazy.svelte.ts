/**
 * A component loaded the first time it is asked for (its own chunk): parts a view needs only later, such as a run's
 * results, stay out of the JavaScript the page loads before the view is usable.
 */
export class LazyComponent<C> {
  /** The component once loaded, null before. */
  current = $state.raw<C | null>(null);
  #started = false;

  constructor(private readonly importer: () => Promise<{ default: C }>) {}

  /** Starts loading once the page has started (`afterStartup`): for a part nobody needs in the first second. */
  loadSoon(): void {
    afterStartup(() => this.load());
  }

  /** Starts loading, once; a failed load may be asked for again. */
  load(): void {
    if (this.#started) return;
    this.#started = true;
    void this.importer().then(
      (module) => (this.current = module.default),
      () => (this.#started = false),
    );
  }
}

/**
 * Runs `work` in an idle moment a second after the call (within two): for what the page needs soon but not before
 * its first demo is usable, so that it does not compete with that demo for the network and the main thread.
 */
export function afterStartup(work: () => void): void {
  setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 1000 }) : work()), 1000);
}

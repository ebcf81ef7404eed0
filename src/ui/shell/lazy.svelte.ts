/**
 * A component loaded the first time it is asked for (its own chunk): parts a view needs only later, such as a run's
 * results, stay out of the JavaScript the page loads before the view is usable.
 */
export class LazyComponent<C> {
  /** The component once loaded, null before. */
  current = $state.raw<C | null>(null);
  #started = false;

  constructor(private readonly importer: () => Promise<{ default: C }>) {}

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

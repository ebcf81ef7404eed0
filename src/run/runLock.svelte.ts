/**
 * One experiment at a time, page-wide: two runs at once share the cores and spoil each other's measurements without
 * a word. A run holds the lock while it runs; every other Run button reads `reasonFor` and says why it waits.
 */
export interface LockHolder {
  /** What is running, as a sentence subject: "the Speedup demo", "the payload sweep". */
  readonly label: string;
}

class RunLock {
  holder = $state.raw<LockHolder | null>(null);

  acquire(holder: LockHolder): boolean {
    if (this.holder && this.holder !== holder) return false;
    this.holder = holder;
    return true;
  }

  release(holder: LockHolder): void {
    if (this.holder === holder) this.holder = null;
  }

  /** Why `holder` cannot start now, or null when it can. */
  reasonFor(holder: LockHolder): string | null {
    if (!this.holder || this.holder === holder) return null;
    return `Wait: ${this.holder.label} is running, and a second experiment would spoil its measurements.`;
  }
}

export const runLock = new RunLock();

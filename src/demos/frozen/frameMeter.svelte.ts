/** What the meter saw between `begin()` and `end()`. */
export interface FrameWindow {
  frames: number;
  longestFrameMs: number;
  /** Frames the display could have shown but the page did not paint, at the measured refresh interval. */
  droppedFrames: number;
}

const HISTORY = 120;

/** Whether the visitor has asked for less motion (`prefers-reduced-motion: reduce`). */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * A live frame-time meter: a requestAnimationFrame loop that records the time between frames. While the page's
 * thread is free, frames come every refresh interval (16.7 ms at 60 Hz); while it computes, none come at all, and the
 * next frame's time shows how long the page was frozen.
 *
 * It moves on screen only while it is visible and not paused. Paused (the default under reduced motion), it stands
 * still while idle; during a measurement it still counts frames, but shows them in one step when the run ends.
 */
export class FrameMeter {
  /** The latest frame times in ms, oldest first, for the meter's bars. */
  recent = $state.raw<number[]>([]);
  /** The timestamp of the latest frame: the animation's clock. It does not advance while paused. */
  now = $state(0);
  /** The visitor's choice: no motion while idle, no frame-by-frame redraw while measuring. */
  paused = $state(prefersReducedMotion());

  #handle = 0;
  #last = Number.NaN;
  #visible = false;
  #window: FrameWindow | null = null;
  /** Frame times recorded while paused, published at the end of the measurement. */
  #history: number[] = [];

  /** Starts the loop for good (tests, and pages that always show the meter); `stop()` ends it. */
  start(): void {
    this.#visible = true;
    this.#update();
  }

  stop(): void {
    this.#visible = false;
    this.#update();
  }

  /** Whether the meter is on screen: off screen it costs nothing. */
  setVisible(visible: boolean): void {
    this.#visible = visible;
    this.#update();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.#update();
  }

  /** The loop runs while something watches: the meter on screen and moving, or a measurement. */
  get running(): boolean {
    return this.#handle !== 0;
  }

  #update(): void {
    const wanted = (this.#visible && !this.paused) || this.#window !== null;
    if (wanted && !this.#handle) {
      this.#history = [...this.recent];
      const tick = (time: number) => {
        if (!Number.isNaN(this.#last)) this.#record(time - this.#last);
        this.#last = time;
        if (!this.paused) this.now = time;
        this.#handle = requestAnimationFrame(tick);
      };
      this.#handle = requestAnimationFrame(tick);
    } else if (!wanted && this.#handle) {
      cancelAnimationFrame(this.#handle);
      this.#handle = 0;
      this.#last = Number.NaN;
      this.recent = this.#history;
    }
  }

  /** The refresh interval: the median recent frame time, or 60 Hz before there are enough frames. */
  get refreshMs(): number {
    if (this.#history.length < 10) return 1000 / 60;
    const sorted = [...this.#history].sort((a, b) => a - b);
    return Math.min(sorted[sorted.length >> 1]!, 1000 / 30);
  }

  /** Starts counting frames for one experiment (and runs the loop for it, even when paused or off screen). */
  begin(): void {
    this.#window = { frames: 0, longestFrameMs: 0, droppedFrames: 0 };
    this.#update();
  }

  /** Waits for two more frames (so the frame that ends a freeze is counted), then returns what was seen. */
  async end(): Promise<FrameWindow> {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const seen = this.#window ?? { frames: 0, longestFrameMs: 0, droppedFrames: 0 };
    this.#window = null;
    this.recent = this.#history;
    this.#update();
    return seen;
  }

  #record(ms: number): void {
    const refresh = this.refreshMs;
    this.#history = [...this.#history.slice(-(HISTORY - 1)), ms];
    if (!this.paused) this.recent = this.#history;
    if (this.#window) {
      this.#window.frames++;
      this.#window.longestFrameMs = Math.max(this.#window.longestFrameMs, ms);
      this.#window.droppedFrames += Math.max(0, Math.round(ms / refresh) - 1);
    }
  }
}

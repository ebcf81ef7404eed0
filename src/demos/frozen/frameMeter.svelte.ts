/** What the meter saw between `begin()` and `end()`. */
export interface FrameWindow {
  frames: number;
  longestFrameMs: number;
  /** Frames the display could have shown but the page did not paint, at the measured refresh interval. */
  droppedFrames: number;
}

const HISTORY = 120;

/**
 * A live frame-time meter: a requestAnimationFrame loop that records the time between frames. While the page's
 * thread is free, frames come every refresh interval (16.7 ms at 60 Hz); while it computes, none come at all, and the
 * next frame's time shows how long the page was frozen.
 */
export class FrameMeter {
  /** The latest frame times in ms, oldest first, for the meter's bars. */
  recent = $state.raw<number[]>([]);
  /** The timestamp of the latest frame: the animation's clock. */
  now = $state(0);

  #handle = 0;
  #last = Number.NaN;
  #window: FrameWindow | null = null;

  /** Starts the loop; a second call while it runs does nothing. */
  start(): void {
    if (this.#handle) return;
    const tick = (time: number) => {
      if (!Number.isNaN(this.#last)) this.#record(time - this.#last);
      this.#last = time;
      this.now = time;
      this.#handle = requestAnimationFrame(tick);
    };
    this.#handle = requestAnimationFrame(tick);
  }

  stop(): void {
    cancelAnimationFrame(this.#handle);
    this.#handle = 0;
    this.#last = Number.NaN;
  }

  /** The refresh interval: the median recent frame time, or 60 Hz before there are enough frames. */
  get refreshMs(): number {
    if (this.recent.length < 10) return 1000 / 60;
    const sorted = [...this.recent].sort((a, b) => a - b);
    return Math.min(sorted[sorted.length >> 1]!, 1000 / 30);
  }

  /** Starts counting frames for one experiment. */
  begin(): void {
    this.#window = { frames: 0, longestFrameMs: 0, droppedFrames: 0 };
  }

  /** Waits for two more frames (so the frame that ends a freeze is counted), then returns what was seen. */
  async end(): Promise<FrameWindow> {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const seen = this.#window ?? { frames: 0, longestFrameMs: 0, droppedFrames: 0 };
    this.#window = null;
    return seen;
  }

  #record(ms: number): void {
    const refresh = this.refreshMs;
    this.recent = [...this.recent.slice(-(HISTORY - 1)), ms];
    if (this.#window) {
      this.#window.frames++;
      this.#window.longestFrameMs = Math.max(this.#window.longestFrameMs, ms);
      this.#window.droppedFrames += Math.max(0, Math.round(ms / refresh) - 1);
    }
  }
}

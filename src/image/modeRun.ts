import type { Pool, TraceEvent } from '../pool';
import type { Mode } from './modes';

/** What one run in one mode measured, besides its result. */
export interface ModeRun<R> {
  value: R;
  /** Wall time of the run on the page. */
  ms: number;
  /** Bytes structured-cloned between the page and the workers (both ways). */
  bytesCloned: number;
  /** Bytes copied on the page itself: cutting the input into chunks and assembling the output. */
  bytesCopiedOnPage: number;
  pageCopyMs: number;
  /** Σ over chunks of the time in transit: posted → kernel started, and kernel finished → result on the page. */
  messageMs: number;
  /** Σ over chunks of the kernels' running time, across all workers. */
  computeMs: number;
  /** Transfer mode: how many of the buffers sent were left detached (byteLength 0) on the page. */
  detached?: { detached: number; sent: number };
  /** Shared mode: the Atomics progress counter's last value and the total it should reach. */
  progress?: { counted: number; total: number };
}

/** Where and how a run happens: the pool (its size is the worker count), cancellation, progress. */
export interface RunContext {
  pool: Pool;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Time spent moving data: the page's own copies plus the messages' transit. */
export function moveMs(run: Pick<ModeRun<unknown>, 'pageCopyMs' | 'messageMs'>): number {
  return run.pageCopyMs + run.messageMs;
}

/** Transit and kernel time summed over a run's chunks, from the pool's trace. */
export function traceTimes(trace: readonly TraceEvent[]): { messageMs: number; computeMs: number } {
  let messageMs = 0;
  let computeMs = 0;
  for (const event of trace) {
    if (event.status !== 'done') continue;
    messageMs += event.startedAt - event.dispatchedAt + (event.settledAt - event.finishedAt);
    computeMs += event.finishedAt - event.startedAt;
  }
  return { messageMs, computeMs };
}

/**
 * Awaits every future; the first failure cancels the others (through `local`) and rejects. Like `Pool.map`, for
 * runs that submit chunk by chunk so that the first chunk is on its way before the next one is cut.
 */
export async function settleAll<T>(futures: Promise<T>[], local: AbortController): Promise<T[]> {
  for (const future of futures) future.catch(() => {});
  try {
    return await Promise.all(futures);
  } finally {
    local.abort();
  }
}

/** An AbortController that also aborts when `signal` does. */
export function linkedController(signal?: AbortSignal): AbortController {
  const local = new AbortController();
  if (signal?.aborted) local.abort();
  signal?.addEventListener('abort', () => local.abort(), { once: true });
  return local;
}

/** Calls `poll` once per frame until `stop()`; the page's clock for polling a shared counter. */
export function everyFrame(poll: () => void): () => void {
  let running = true;
  const frame = globalThis.requestAnimationFrame ?? ((callback: () => void) => setTimeout(callback, 16));
  const tick = () => {
    if (!running) return;
    poll();
    frame(tick);
  };
  frame(tick);
  return () => {
    running = false;
  };
}

/**
 * The page's ledger for a run that submits chunk by chunk (copy and transfer modes, and the array sum's shared
 * mode): the pool's trace, the buffers sent, the page's own copies and the progress, then the run's `ModeRun`.
 * The clock starts when the ledger is made.
 */
export class ChunkLedger {
  readonly trace: TraceEvent[] = [];
  /** Transfer mode: the buffers sent, to count how many were left detached. */
  readonly sent: ArrayBuffer[] = [];
  readonly local: AbortController;
  pageCopyMs = 0;
  bytesCopiedOnPage = 0;
  bytesCloned = 0;
  private done = 0;
  private readonly start: number;
  private readonly context: RunContext;
  private readonly mode: Mode;
  private readonly total: number;

  /** `total`: how many chunks the progress counts up to. */
  constructor(context: RunContext, mode: Mode, total: number) {
    this.context = context;
    this.mode = mode;
    this.total = total;
    this.local = linkedController(context.signal);
    this.start = performance.now();
  }

  /** The options for submitting chunk `chunk`: the run's cancellation and the trace. */
  options(chunk: number): { signal: AbortSignal; chunk: number; onTrace: (event: TraceEvent) => void } {
    return { signal: this.local.signal, chunk, onTrace: (event) => this.trace.push(event) };
  }

  /** Makes a copy on the page (cutting a chunk out, putting a result in place), timing it and counting its bytes. */
  copy<T extends { byteLength: number }>(make: () => T): T {
    const at = performance.now();
    const made = make();
    this.pageCopyMs += performance.now() - at;
    this.bytesCopiedOnPage += made.byteLength;
    return made;
  }

  /** One more chunk finished. */
  progress(): void {
    this.context.onProgress?.(++this.done, this.total);
  }

  /** Awaits every chunk (see `settleAll`), stops the clock and turns the chunks' results into the run's value. */
  async finish<T, R>(futures: Promise<T>[], value: (results: T[]) => R): Promise<ModeRun<R>> {
    const results = await settleAll(futures, this.local);
    const ms = performance.now() - this.start;
    return {
      value: value(results),
      ms,
      bytesCloned: this.bytesCloned,
      bytesCopiedOnPage: this.bytesCopiedOnPage,
      pageCopyMs: this.pageCopyMs,
      ...traceTimes(this.trace),
      ...(this.mode === 'transfer' && {
        detached: { detached: this.sent.filter((buffer) => buffer.byteLength === 0).length, sent: this.sent.length },
      }),
    };
  }
}

import type { Backend } from '../../workers/kernels/backend';
import { haloRows, sharedPasses, type Filter } from '../../workers/kernels/image/filter';
import { CONTROL_LENGTH, PROGRESS } from '../../workers/kernels/image/shared';
import type { TraceEvent } from '../pool';
import { planBands } from './bands';
import type { Mode } from './modes';
import { ChunkLedger, everyFrame, traceTimes, type ModeRun, type RunContext } from './modeRun';
import { sharedScratch, type Picture, type SharedPicture } from './picture';

export { FILTER_BACKENDS } from './filterParams';

/**
 * Filters a picture with the pool's workers in one mode, cut into `bands` horizontal bands (fewer if the picture
 * has fewer rows). The output is the same bytes in every mode, for every band count, worker count and backend. In
 * shared mode it is the shared picture's output buffer, which the next shared run overwrites.
 */
export function runFilter(
  context: RunContext,
  picture: Picture,
  filter: Filter,
  mode: Mode,
  bands: number,
  shared?: SharedPicture,
  backend: Backend = 'js',
): Promise<ModeRun<Uint8ClampedArray>> {
  if (mode !== 'shared') return runBands(context, picture, filter, mode, bands, backend);
  if (!shared) throw new TypeError('shared mode needs the picture in shared memory (sharePicture)');
  return runShared(context, shared, filter, bands, backend);
}

/** Copy and transfer: each band's rows and halo are cut out, sent, filtered, sent back and put in place. */
async function runBands(
  context: RunContext,
  picture: Picture,
  filter: Filter,
  mode: 'copy' | 'transfer',
  count: number,
  backend: Backend,
): Promise<ModeRun<Uint8ClampedArray>> {
  const { width, height, data } = picture;
  const stride = width * 4;
  const plan = planBands(height, count, haloRows(filter));
  const output = new Uint8ClampedArray(data.length);
  const ledger = new ChunkLedger(context, mode, plan.length);
  const futures = plan.map((band, index) => {
    const window = ledger.copy(() => data.slice(band.top * stride, band.bottom * stride));
    const bandBytes = (band.y1 - band.y0) * stride;
    if (mode === 'copy') ledger.bytesCloned += window.byteLength + bandBytes;
    else ledger.sent.push(window.buffer);
    const future = context.pool.submit(
      { kernel: 'filterBand', args: [filter, window, band.top, width, height, band.y0, band.y1], backend },
      {
        ...ledger.options(index),
        transfer: mode === 'transfer' ? [window.buffer] : undefined,
        transferResult: mode === 'transfer',
      },
    );
    return future.then((rows) => {
      ledger.copy(() => {
        output.set(rows, band.y0 * stride);
        return rows;
      });
      ledger.progress();
    });
  });
  return ledger.finish(futures, () => output);
}

/**
 * Shared: one job per worker, each filtering the bands it claims straight into the shared output; the page only
 * polls the Atomics progress counter, once per frame. Nothing is copied (see sharedPath for the WebAssembly backends).
 *
 * What a run costs besides the kernels (measured with marks on both sides, 4096², wasm-simd, 1 worker, Chromium 150
 * on 2 cores): about 1 ms, nearly all the message round trip after the workers have slept between runs — the page
 * reaching the first post 0.1 ms, the post (its structured clone: views, memory, bands) 0.12, the worker woken
 * 0.1–0.25, its event dispatched and the request read 0.13, the reply's page woken 0.2–0.3 and handled 0.2. The
 * picture stays in shared memory between runs, the output and scratch are reused, no memory grows after the first
 * run and the result check is after the clock stops. Node's worker_threads with the same WebAssembly and message
 * pattern pay 0.35–0.45 ms.
 */
async function runShared(
  { pool, signal, onProgress }: RunContext,
  shared: SharedPicture,
  filter: Filter,
  count: number,
  backend: Backend,
): Promise<ModeRun<Uint8ClampedArray>> {
  const { width, height, input, output } = shared;
  const bands = planBands(height, count, 0).map((band) => [band.y0, band.y1] as const);
  const total = bands.length * sharedPasses(filter);
  const scratch = filter.name === 'gaussian' ? sharedScratch(shared) : null;
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * 4));
  // The WebAssembly backends get the picture's memory to import; the JavaScript kernels need only the views.
  const wasm = backend !== 'js' ? (shared.wasm ?? undefined) : undefined;
  const buffers = { input, output, scratch, control, wasm };
  const workers = pool.size;
  const trace: TraceEvent[] = [];
  const stopPolling = everyFrame(() => onProgress?.(Atomics.load(control, PROGRESS), total));
  const start = performance.now();
  try {
    // Exactly one job per worker, pinned (static schedule, as many jobs as workers): every barrier participant
    // runs at the same time, so the barrier cannot wait for a job stuck in a queue.
    await pool.map(
      Array.from({ length: workers }, () => ({
        kernel: 'filterShared' as const,
        args: [filter, buffers, width, height, bands, workers] as const,
        backend,
      })),
      { schedule: 'static', signal, onTrace: (event) => trace.push(event) },
    );
  } finally {
    stopPolling();
  }
  const ms = performance.now() - start;
  const counted = Atomics.load(control, PROGRESS);
  onProgress?.(counted, total);
  return {
    value: output,
    ms,
    bytesCloned: 0,
    bytesCopiedOnPage: 0,
    pageCopyMs: 0,
    ...traceTimes(trace),
    progress: { counted, total },
  };
}

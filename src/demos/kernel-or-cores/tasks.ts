import type { Backend } from '../../../workers/kernels/backend';
import { formatCount } from '../../format';
import { mandelbrotTask, type MandelbrotParams } from '../../tasks/mandelbrot';
import { sumTask, type SumParams } from '../../tasks/sum';
import type { Task } from '../../tasks/task';
import { drawSample } from '../../image/sampleInWorker';
import { blurHeight, blurTask, type BlurParams } from './blurTask';

export type GridTaskId = 'sum' | 'blur' | 'mandelbrot';

/** The Mandelbrot iteration limit here: enough for the rows through the set to dominate. */
const MANDELBROT_ITERATIONS = 1000;

/** A task the grid can run on every backend, with the one setting that sizes it. */
export interface GridTask<P extends { backend?: Backend }, R> {
  id: GridTaskId;
  label: string;
  task: Task<P, R>;
  /** The setting that sizes it (`sum-n`, `blur-width`, …). */
  sizeKey: 'sum-n' | 'blur-width' | 'mandelbrot-width';
  /** Its parameters at that size, without a backend: the grid adds each in turn. Draws the picture for the blur. */
  params(size: number): P | Promise<P>;
  /** The size in words, for the page: "N = 200,000,000". */
  describe(size: number): string;
}

const sum: GridTask<SumParams, number> = {
  id: 'sum',
  label: 'Sum of squares',
  task: sumTask,
  sizeKey: 'sum-n',
  params: (n) => ({ n }),
  describe: (n) => `Σ i² for i < N, N = ${formatCount(n)}`,
};

const blur: GridTask<BlurParams, Uint8ClampedArray> = {
  id: 'blur',
  label: 'Gaussian blur',
  task: blurTask,
  sizeKey: 'blur-width',
  // Drawn in a worker: a large picture is hundreds of milliseconds of arithmetic, too long for the page's thread.
  params: async (width) => ({ picture: await drawSample({ width, height: blurHeight(width) }) }),
  describe: (width) => `a Gaussian blur (σ = 2) of the ${width}×${blurHeight(width)} px sample picture`,
};

const mandelbrotHeight = (width: number) => Math.max(1, Math.round((width * 3) / 4));

const mandelbrot: GridTask<MandelbrotParams, Uint16Array> = {
  id: 'mandelbrot',
  label: 'Mandelbrot',
  task: mandelbrotTask,
  sizeKey: 'mandelbrot-width',
  params: (width) => ({
    width,
    height: mandelbrotHeight(width),
    xMin: -2.2,
    xMax: 0.8,
    yMin: -1.5,
    yMax: 1,
    maxIterations: MANDELBROT_ITERATIONS,
  }),
  describe: (width) =>
    `the Mandelbrot set at ${width}×${mandelbrotHeight(width)} px, up to ${formatCount(MANDELBROT_ITERATIONS)} iterations a pixel`,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each task has its own parameter and result types
export type AnyGridTask = GridTask<any, any>;

export const GRID_TASKS: Record<GridTaskId, AnyGridTask> = { sum, blur, mandelbrot };

import type { BenchSuite } from '../record';
import { fetch } from './fetch';
import { arraysum, image } from './dataModes';
import { overhead } from './overhead';
import { mandelbrot, mandelbrotBands } from './scheduling';
import { fib, sum } from './speedup';
import { kernels } from './kernels';
import { queues } from './queues';
import { machines } from './machines';

/** Every benchmark suite, by the name `npm run bench -- --tasks a,b` uses. Each new suite adds a line here. */
export const SUITES: Record<string, BenchSuite> = {
  sum,
  fib,
  overhead,
  image,
  arraysum,
  mandelbrot,
  'mandelbrot-bands': mandelbrotBands,
  fetch,
  kernels,
  queues,
  machines,
};

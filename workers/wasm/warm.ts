import type { Filter } from '../kernels/image/filter';
import type { WasmKernels } from './kernels';

const ROUNDS = 4;
const WIDTH = 96;
const HEIGHT = 32;
const FILTERS: Filter[] = [
  { name: 'grayscale' },
  { name: 'invert' },
  { name: 'box', radius: 3 },
  { name: 'gaussian', sigma: 2 },
  { name: 'sharpen' },
  { name: 'sobel' },
];

/**
 * Calls every kernel of a fresh module a few times on small inputs, yielding between rounds. V8 first compiles
 * WebAssembly with its baseline compiler and optimises a function once it has run enough; a long call never
 * switches tier midway, so an unwarmed 4096² Gaussian runs its whole first call in the slow tier (2.6 s against
 * 0.96 s warm in the measurement). The yields give the background optimiser time to finish. Returns the
 * first round's time, the cold figure.
 */
export async function warm(kernels: WasmKernels): Promise<number> {
  const picture = Uint8ClampedArray.from({ length: WIDTH * HEIGHT * 4 }, (_, i) => (i * 37) & 255);
  const view = { width: 64, height: 16, xMin: -2.2, xMax: 0.8, yMin: -1.5, yMax: 1, maxIterations: 300 };
  let coldRoundMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    kernels.sumSquaresMod32(0, 1 << 18);
    kernels.mandelbrotRows(view, 0, view.height);
    for (const filter of FILTERS) kernels.filterBand(filter, picture, 0, WIDTH, HEIGHT, 0, HEIGHT);
    if (round === 0) coldRoundMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return coldRoundMs;
}

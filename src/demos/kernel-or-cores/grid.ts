/**
 * The grid of backends × worker counts, as numbers and words: every cell's speedup against one worker of
 * JavaScript, and the sentence that reads the lesson off the measurements (or says the data disagrees). Pure.
 */
import { BACKEND_LABELS, type Backend } from '../../../workers/kernels/backend';
import { formatRatio, formatSpeedup } from '../../format';
import { resultTable, type ResultTable } from '../../measure/export';
import { roundCell } from '../../measure/tables';
import { speedup } from '../../measure/stats';

/** One measured point of the grid. */
export interface GridCell {
  backend: Backend;
  workers: number;
  medianMs: number;
  timesMs: readonly number[];
  /** Against the median of one JavaScript worker. */
  speedup: number;
  /** Every run here gave the 1-worker JavaScript result. */
  matches: boolean;
}

/** A grid as its chart and its table show it: the cells, and the backends and worker counts they are laid out by. */
export interface GridShown {
  cells: readonly GridCell[];
  backends: readonly Backend[];
  counts: readonly number[];
}

/** The cell at a backend and worker count, if it was measured. */
export function cellAt(cells: readonly GridCell[], backend: Backend, workers: number): GridCell | undefined {
  return cells.find((cell) => cell.backend === backend && cell.workers === workers);
}

/** The worker counts measured, in order. */
export function countsOf(cells: readonly Pick<GridCell, 'workers'>[]): number[] {
  return [...new Set(cells.map((cell) => cell.workers))].sort((a, b) => a - b);
}

/** Fills in every cell's speedup over the 1-worker JavaScript median (NaN for all when that run is missing). */
export function againstJavaScript(cells: readonly Omit<GridCell, 'speedup'>[]): GridCell[] {
  const baseline = cells.find((cell) => cell.backend === 'js' && cell.workers === 1)?.medianMs ?? Number.NaN;
  return cells.map((cell) => ({ ...cell, speedup: speedup(baseline, cell.medianMs) }));
}

const workersText = (count: number) => `${count} worker${count === 1 ? '' : 's'}`;

/** Within a quarter of the product (either way): near enough, on a noisy machine, to say the gains multiplied. */
export const MULTIPLY_TOLERANCE = 0.75;

/** Below this, more JavaScript workers gained too little (a busy machine, tiny work) to speak of multiplying. */
export const MIN_CORES_GAIN = 1.2;

/**
 * The lesson in one or two sentences, computed from the measurements: whether the fastest kernel on one worker beat
 * JavaScript on the most workers measured, and whether the two gains multiplied; where the data says otherwise, it
 * says that instead. Null without the 1-worker JavaScript baseline or any other backend.
 */
export function lessonFrom(cells: readonly GridCell[]): string | null {
  if (!cellAt(cells, 'js', 1)) return null;
  const most = Math.max(...cells.filter((cell) => cell.backend === 'js').map((cell) => cell.workers));
  const kernels = cells.filter((cell) => cell.backend !== 'js' && cell.workers === 1);
  if (kernels.length === 0) return null;
  const kernel = kernels.reduce((best, cell) => (cell.speedup > best.speedup ? cell : best));
  const kernelName = BACKEND_LABELS[kernel.backend];
  const kernelText = `1 worker of ${kernelName} (${formatSpeedup(kernel.speedup)})`;

  if (most < 2) {
    return (
      `With one worker, ${kernelName} ran at ${formatSpeedup(kernel.speedup)} against JavaScript. ` +
      'Add 2 or more workers to see whether more cores multiply it.'
    );
  }
  const cores = cellAt(cells, 'js', most)!;
  const coresText = `${workersText(most)} of JavaScript (${formatSpeedup(cores.speedup)})`;
  if (kernel.speedup <= 1 && cores.speedup <= 1) {
    return (
      `Neither a faster kernel nor more cores beat 1 worker of JavaScript here (the best kernel: ${kernelText}; ` +
      `${coresText}): the work may be too small, or the machine busy.`
    );
  }
  if (kernel.speedup <= 1) {
    return (
      `Here no WebAssembly kernel beat JavaScript on one worker (the best: ${kernelText}); ` +
      `only more cores helped: ${coresText}.`
    );
  }
  const first =
    kernel.speedup > cores.speedup
      ? `${capitalise(kernelText)} beat ${coresText}.`
      : `${capitalise(coresText)} beat ${kernelText}: here more cores gained more than the faster kernel.`;
  if (cores.speedup < MIN_CORES_GAIN) {
    const none = cores.speedup <= 1;
    return (
      `${first} More workers ${none ? 'did not speed' : 'barely sped'} JavaScript up here, so there was ` +
      `${none ? 'no' : 'little'} gain from the cores to multiply; is something else using the cores?`
    );
  }
  const both = cellAt(cells, kernel.backend, most);
  if (!both) return first;
  const product = kernel.speedup * cores.speedup;
  const together =
    `Together, ${workersText(most)} of ${kernelName}: ${formatSpeedup(both.speedup)}, against ` +
    `${formatRatio(kernel.speedup)} × ${formatRatio(cores.speedup)} = ${formatRatio(product)}× ` +
    'if the two gains multiplied';
  if (both.speedup > product / MULTIPLY_TOLERANCE) {
    return `${first} ${together}: even more than the product, which a noisy machine can give; run again to check.`;
  }
  if (both.speedup >= MULTIPLY_TOLERANCE * product) return `${first} ${together}: they multiply.`;
  if (both.speedup > Math.max(kernel.speedup, cores.speedup)) {
    return (
      `${first} ${together}: more than either alone, less than the product (the faster the kernel, the larger ` +
      'the share of the messages and the memory traffic, which more cores do not shorten).'
    );
  }
  return (
    `${first} ${together}: here no better than the faster of the two alone; its runs may be too short for ` +
    'splitting them to pay off.'
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The grid as an exportable table: one row per backend and worker count. */
export function gridTable(cells: readonly GridCell[]): ResultTable {
  return resultTable(cells, [
    ['backend', 'backend', (cell) => cell.backend],
    ['workers', 'workers', (cell) => cell.workers],
    ['medianMs', 'median ms', (cell) => roundCell(cell.medianMs)],
    ['timesMs', 'repetitions ms', (cell) => cell.timesMs.map((ms) => roundCell(ms)).join(' ')],
    ['speedup', 'speedup vs 1 JavaScript worker', (cell) => roundCell(cell.speedup)],
    ['matches', 'equals the 1-worker JavaScript result', (cell) => cell.matches],
  ]);
}

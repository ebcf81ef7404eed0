import { resultTable, type Column, type ResultTable } from './export';
import type { SweepRow } from './sweep';
import { MAIN_THREAD } from './sweepProgress';

/** A number as a table cell: three decimals, or empty where there is no number (a count that was not run). */
export const roundCell = (value: number, digits = 3) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : '');

/** A sweep's columns: one row per worker count, times in ms. */
export const SWEEP_COLUMNS: readonly Column<SweepRow>[] = [
  ['workers', 'workers', (row) => (row.workers === MAIN_THREAD ? 'main thread' : row.workers)],
  ['medianMs', 'median ms', (row) => roundCell(row.medianMs)],
  ['minMs', 'min ms', (row) => roundCell(row.minMs)],
  ['maxMs', 'max ms', (row) => roundCell(row.maxMs)],
  ['timesMs', 'repetitions ms', (row) => row.timesMs.map((ms) => roundCell(ms)).join(' ')],
  ['speedup', 'speedup', (row) => roundCell(row.speedup)],
  ['efficiency', 'efficiency', (row) => roundCell(row.efficiency)],
  ['spawnMs', 'spawn ms', (row) => roundCell(row.spawnMs)],
  ['matches', 'equals 1-worker result', (row) => row.matches],
];

/** A sweep's rows as an exportable table. */
export const sweepTable = (rows: readonly SweepRow[]): ResultTable => resultTable(rows, SWEEP_COLUMNS);

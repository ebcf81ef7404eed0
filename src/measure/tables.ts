import { resultTable, type ResultTable } from './export';
import { MAIN_THREAD, type SweepRow } from './sweep';

const round = (value: number, digits = 3) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : '');

/** A sweep's rows as an exportable table: one row per worker count, times in ms. */
export function sweepTable(rows: readonly SweepRow[]): ResultTable {
  return resultTable(rows, [
    ['workers', 'workers', (row) => (row.workers === MAIN_THREAD ? 'main thread' : row.workers)],
    ['medianMs', 'median ms', (row) => round(row.medianMs)],
    ['minMs', 'min ms', (row) => round(row.minMs)],
    ['maxMs', 'max ms', (row) => round(row.maxMs)],
    ['timesMs', 'repetitions ms', (row) => row.timesMs.map((ms) => round(ms)).join(' ')],
    ['speedup', 'speedup', (row) => round(row.speedup)],
    ['efficiency', 'efficiency', (row) => round(row.efficiency)],
    ['spawnMs', 'spawn ms', (row) => round(row.spawnMs)],
    ['matches', 'equals 1-worker result', (row) => row.matches],
  ]);
}

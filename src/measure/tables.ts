import type { ResultTable } from './export';
import type { SweepRow } from './sweep';
import { MAIN_THREAD } from './sweepProgress';

const round = (value: number, digits = 3) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : '');

/** A sweep's rows as an exportable table: one row per worker count, times in ms. */
export function sweepTable(rows: readonly SweepRow[]): ResultTable {
  return {
    columns: [
      { key: 'workers', label: 'workers' },
      { key: 'medianMs', label: 'median ms' },
      { key: 'minMs', label: 'min ms' },
      { key: 'maxMs', label: 'max ms' },
      { key: 'timesMs', label: 'repetitions ms' },
      { key: 'speedup', label: 'speedup' },
      { key: 'efficiency', label: 'efficiency' },
      { key: 'spawnMs', label: 'spawn ms' },
      { key: 'matches', label: 'equals 1-worker result' },
    ],
    rows: rows.map((row) => ({
      workers: row.workers === MAIN_THREAD ? 'main thread' : row.workers,
      medianMs: round(row.medianMs),
      minMs: round(row.minMs),
      maxMs: round(row.maxMs),
      timesMs: row.timesMs.map((ms) => round(ms)).join(' '),
      speedup: round(row.speedup),
      efficiency: round(row.efficiency),
      spawnMs: round(row.spawnMs),
      matches: row.matches,
    })),
  };
}

import type { ModeRun } from '../../image/modeRun';
import type { ModeRow } from '../../image/modeSweep';
import type { Mode } from '../../image/modes';

/** One mode's latest run at its largest worker count, for the side-by-side table. */
export interface ModeSummary {
  mode: Mode;
  workers: number;
  medianMs: number;
  throughput: number;
  bytesCloned: number;
  bytesCopiedOnPage: number;
  moveMs: number;
  computeMs: number;
  note: string;
}

/** What a transfer or shared run proves about itself, in words. */
export function runNote(run: ModeRun<unknown>): string {
  if (run.detached) {
    const { detached, sent } = run.detached;
    return `${detached} of ${sent} sent buffers were left detached on the page (byteLength 0): moved, not copied.`;
  }
  if (run.progress) {
    return `The Atomics progress counter reached ${run.progress.counted} of ${run.progress.total}; nothing was copied.`;
  }
  return 'Every chunk was structured-cloned to its worker, and its result cloned back.';
}

/** The row with the most workers, as one line of the mode comparison. */
export function summarize(mode: Mode, rows: ModeRow[], last: ModeRun<unknown>, work: number): ModeSummary {
  const row = rows.at(-1)!;
  return {
    mode,
    workers: row.workers,
    medianMs: row.medianMs,
    throughput: work / (row.medianMs / 1000),
    bytesCloned: row.bytesCloned,
    bytesCopiedOnPage: row.bytesCopiedOnPage,
    moveMs: row.moveMs,
    computeMs: row.computeMs,
    note: runNote(last),
  };
}

/**
 * What the side-by-side table would leave a reader puzzling over, in words: transfer slower than copy contradicts
 * the lesson ("transfer moves without copying"), so the page says why it can happen.
 */
export function comparisonRemarks(summaries: Partial<Record<Mode, ModeSummary>>): string[] {
  const { copy, transfer } = summaries;
  if (!copy || !transfer || transfer.medianMs <= copy.medianMs) return [];
  const share = copy.medianMs > 0 ? Math.round((copy.moveMs / copy.medianMs) * 100) : 0;
  return [
    `Transfer came out slower than copy here (${transfer.medianMs.toFixed(1)} ms against ` +
      `${copy.medianMs.toFixed(1)} ms). Transfer saves only the copying, which was about ${share} % of copy’s run ` +
      '(“Moving data”); when that share is small, the difference is within the noise of a shared machine. A larger ' +
      'picture makes the copies, and so the saving, grow.',
  ];
}

import { resultTable, type Column, type ResultTable } from '../measure/export';
import { roundCell, SWEEP_COLUMNS } from '../measure/tables';
import type { ModeRow } from './modeSweep';

/**
 * A data-mode sweep (copy, transfer or shared) as an exportable table: the sweep's timing, its rate (megapixels or
 * elements per second: the caller knows the work), then what moved and what computed.
 */
export function modeTable(rows: readonly ModeRow[], rate: Column<ModeRow>): ResultTable {
  return resultTable(rows, [
    ...SWEEP_COLUMNS,
    rate,
    ['bytesCloned', 'bytes cloned between threads', (row) => row.bytesCloned],
    ['bytesCopiedOnPage', 'bytes copied on the page', (row) => row.bytesCopiedOnPage],
    ['moveMs', 'moving data ms', (row) => roundCell(row.moveMs)],
    ['computeMs', 'computing ms (all workers)', (row) => roundCell(row.computeMs)],
  ]);
}

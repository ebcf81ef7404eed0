import { resultTable, type ResultTable } from '../../measure/export';
import type { CrawlRow, QueueRateRow } from '../../queues/lab';
import type { ProducerConsumerResult } from '../../queues/producerConsumer';
import { sequentialChecksum } from '../../../workers/kernels/queue/items';
import { roundCell } from '../../measure/tables';
import { SENTINEL } from '../../../workers/kernels/queue/sharedQueue';

/** The queues demo's results as exported tables, and the queue run's checks: pure functions of a result. */

export interface QueueCheck {
  /** What one thread computes for the same items, and whether the workers' checksum equals it. */
  reference: number;
  equal: boolean;
  /** Items finished in another order than the queue handed them out. */
  outOfOrder: boolean;
  firstFinished: number[];
}

/** The queue run's checks: the checksum one thread computes, and whether items finished out of order. */
export function queueCheck(result: ProducerConsumerResult): QueueCheck {
  const reference = sequentialChecksum(result.params.items);
  const taken = result.takenOrder.filter((v) => v !== SENTINEL);
  return {
    reference,
    equal: reference === result.checksum,
    outOfOrder: result.finishOrder.some((v, i) => v !== taken[i]),
    firstFinished: result.finishOrder.slice(0, 12),
  };
}

/** The queue result per worker. */
export function queueTable(result: ProducerConsumerResult): ResultTable {
  return resultTable(result.workers, [
    ['worker', 'worker', (_, i) => i + 1],
    ['role', 'role', (worker) => worker.role],
    ['items', 'items', (worker) => worker.items],
    ['blockedMs', 'blocked ms', (worker) => roundCell(worker.blockedMs)],
    ['state', 'state', (worker) => worker.state],
    ['mode', 'queue', () => result.mode],
    ['capacity', 'capacity', () => result.params.capacity],
    ['ms', 'run ms', () => roundCell(result.ms)],
  ]);
}

export function compareTable(rows: readonly QueueRateRow[]): ResultTable {
  return resultTable(rows, [
    ['task', 'task', (row) => row.task],
    ['capacity', 'capacity', (row) => row.capacity],
    ['items', 'items', (row) => row.items],
    ['itemsPerSecond', 'items/s', (row) => Math.round(row.itemsPerSecond)],
    ['usPerItem', 'µs per item', (row) => roundCell(row.usPerItem)],
    ['medianMs', 'median ms', (row) => roundCell(row.medianMs)],
  ]);
}

export function sweepTable(rows: readonly CrawlRow[]): ResultTable {
  const base = rows[0]?.pagesPerSecond ?? Number.NaN;
  return resultTable(rows, [
    ['fetchers', 'fetchers (k)', (row) => row.fetchers],
    ['pages', 'pages', (row) => row.pages],
    ['pagesPerSecond', 'pages/s', (row) => roundCell(row.pagesPerSecond)],
    ['speedup', 'speedup', (row) => roundCell(row.pagesPerSecond / base)],
    ['ms', 'ms', (row) => roundCell(row.ms)],
  ]);
}

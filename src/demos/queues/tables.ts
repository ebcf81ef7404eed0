import type { ResultTable } from '../../measure/export';
import type { CrawlRow, QueueRateRow } from '../../queues/lab';
import type { ProducerConsumerResult } from '../../queues/producerConsumer';
import { sequentialChecksum } from '../../../workers/kernels/queue/items';
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

const round = (value: number) => Number(value.toFixed(3));

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
  return {
    columns: [
      { key: 'worker', label: 'worker' },
      { key: 'role', label: 'role' },
      { key: 'items', label: 'items' },
      { key: 'blockedMs', label: 'blocked ms' },
      { key: 'state', label: 'state' },
      { key: 'mode', label: 'queue' },
      { key: 'capacity', label: 'capacity' },
      { key: 'ms', label: 'run ms' },
    ],
    rows: result.workers.map((worker, i) => ({
      worker: i + 1,
      role: worker.role,
      items: worker.items,
      blockedMs: round(worker.blockedMs),
      state: worker.state,
      mode: result.mode,
      capacity: result.params.capacity,
      ms: round(result.ms),
    })),
  };
}

export function compareTable(rows: readonly QueueRateRow[]): ResultTable {
  return {
    columns: [
      { key: 'task', label: 'task' },
      { key: 'capacity', label: 'capacity' },
      { key: 'items', label: 'items' },
      { key: 'itemsPerSecond', label: 'items/s' },
      { key: 'usPerItem', label: 'µs per item' },
      { key: 'medianMs', label: 'median ms' },
    ],
    rows: rows.map((row) => ({
      task: row.task,
      capacity: row.capacity,
      items: row.items,
      itemsPerSecond: Math.round(row.itemsPerSecond),
      usPerItem: round(row.usPerItem),
      medianMs: round(row.medianMs),
    })),
  };
}

export function sweepTable(rows: readonly CrawlRow[]): ResultTable {
  const base = rows[0]?.pagesPerSecond ?? Number.NaN;
  return {
    columns: [
      { key: 'fetchers', label: 'fetchers (k)' },
      { key: 'pages', label: 'pages' },
      { key: 'pagesPerSecond', label: 'pages/s' },
      { key: 'speedup', label: 'speedup' },
      { key: 'ms', label: 'ms' },
    ],
    rows: rows.map((row) => ({
      fetchers: row.fetchers,
      pages: row.pages,
      pagesPerSecond: round(row.pagesPerSecond),
      speedup: round(row.pagesPerSecond / base),
      ms: round(row.ms),
    })),
  };
}

import { Board } from './board';
import { addMod32, processItem, spend } from './items';
import { SharedQueue } from './sharedQueue';

/**
 * A three-stage pipeline on channels, Go style: generate → transform → reduce. Each stage is a worker (or several
 * for transform) that receives from one channel and sends on the next; a stage closes its output when its input is
 * closed and drained, so the close flows down the pipeline and every `range` loop ends by itself.
 */
export interface StageConfig {
  board: SharedArrayBuffer;
  worker: number;
  costUs: number;
}

export interface StageReport {
  worker: number;
  items: number;
  blockedMs: number;
  /** The reduce stage's sum of what it received, modulo 2³²; 0 for the others. */
  checksum: number;
}

export function generate(config: StageConfig & { out: SharedArrayBuffer; items: number }): StageReport {
  const board = new Board(config.board);
  const out = new SharedQueue(config.out, { hooks: board.hooksFor(config.worker) });
  board.setState(config.worker, 'working');
  for (let v = 0; v < config.items; v++) {
    spend(config.costUs);
    out.put(v);
    board.countItem(config.worker);
  }
  out.close();
  return finish(board, config.worker, config.items, 0);
}

/** Transforms every item; the last of the transform workers to finish closes the output (WaitGroup, then close). */
export function transform(config: StageConfig & { in: SharedArrayBuffer; out: SharedArrayBuffer }): StageReport {
  const board = new Board(config.board);
  const hooks = board.hooksFor(config.worker);
  const input = new SharedQueue(config.in, { hooks });
  const out = new SharedQueue(config.out, { hooks });
  board.setState(config.worker, 'working');
  let items = 0;
  for (const value of input) {
    spend(config.costUs);
    out.put(processItem(value));
    items++;
    board.countItem(config.worker);
  }
  if (board.senderDone()) out.close();
  return finish(board, config.worker, items, 0);
}

export function reduce(config: StageConfig & { in: SharedArrayBuffer }): StageReport {
  const board = new Board(config.board);
  const input = new SharedQueue(config.in, { hooks: board.hooksFor(config.worker) });
  board.setState(config.worker, 'working');
  let checksum = 0;
  let items = 0;
  for (const value of input) {
    spend(config.costUs);
    checksum = addMod32(checksum, value);
    items++;
    board.countItem(config.worker);
  }
  return finish(board, config.worker, items, checksum);
}

/** The data-parallel twin: one worker does every stage for its block of items, no channels at all. */
export function processBlock(start: number, end: number, costs: [number, number, number]): number {
  let checksum = 0;
  for (let v = start; v < end; v++) {
    spend(costs[0]);
    const transformed = processItem(v);
    spend(costs[1]);
    spend(costs[2]);
    checksum = addMod32(checksum, transformed);
  }
  return checksum;
}

function finish(board: Board, worker: number, items: number, checksum: number): StageReport {
  board.setState(worker, 'done');
  return { worker, items, blockedMs: board.row(worker).blockedMs, checksum };
}

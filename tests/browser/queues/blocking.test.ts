import { afterEach, expect, it } from 'vitest';
import { Board } from '../../../workers/kernels/queue/board';
import { QueueAbortedError, SharedQueue } from '../../../workers/kernels/queue/sharedQueue';
import { WorkerGroup } from '../../../src/queues/workerGroup';

// One worker against the page: the page may not block, so it drives the queue with try… calls and watches the
// worker's row on the board to see it sleeping in Atomics.wait.
let group: WorkerGroup | null = null;
afterEach(() => group?.terminate());

/** One worker started (its remote), a queue of `capacity` the page does not wait on, and a board for that worker. */
async function oneWorker(capacity: number) {
  const started = new WorkerGroup(1);
  group = started;
  await started.ready();
  return {
    queue: SharedQueue.create(capacity, { canWait: false }),
    board: Board.create(1),
    remote: started.remotes[0]!,
  };
}

/** Worker 0, the only producer, at no cost per item. */
const ONE_PRODUCER = { worker: 0, producer: 0, producers: 1, costUs: 0 };

/** Worker 0 (its remote) consumes from the empty queue: resolves once it blocks, with its answer to come. */
async function blockConsumer(remote: WorkerGroup['remotes'][number], queue: SharedQueue, board: Board) {
  const log = new SharedArrayBuffer(16 * 4);
  const consuming = remote.consume({ queue: queue.buffer, board: board.buffer, log, worker: 0, costUs: 0 });
  await until(() => board.row(0).state === 'blocked-empty', 'the consumer to block');
  return { consuming };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 5000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle(5);
  }
}

it('get on an empty queue really blocks the worker until an item arrives; close ends its loop', async () => {
  const { queue, board, remote } = await oneWorker(4);
  const { consuming } = await blockConsumer(remote, queue, board);
  await settle(100);
  expect(board.row(0)).toMatchObject({ state: 'blocked-empty', items: 0 });
  queue.tryPut(5);
  await until(() => board.row(0).items === 1, 'the consumer to take the item');
  queue.close();
  expect(await consuming).toMatchObject({ items: 1, sentinel: false });
  expect(board.row(0).blockedMs).toBeGreaterThanOrEqual(90);
});

it('put on a full queue really blocks the worker until the page takes an item', async () => {
  const { queue, board, remote } = await oneWorker(1);
  const common = { queue: queue.buffer, board: board.buffer, ...ONE_PRODUCER };
  const producing = remote.produce({ ...common, items: 2 });
  await until(() => board.row(0).state === 'blocked-full', 'the producer to block');
  await settle(100);
  expect(board.row(0)).toMatchObject({ state: 'blocked-full', items: 1 });
  expect(queue.tryGet()).toEqual({ done: false, value: 0, ticket: 0 });
  expect(await producing).toMatchObject({ items: 2 });
  expect(queue.tryGet()).toEqual({ done: false, value: 1, ticket: 1 });
});

it('capacity 0: the sender waits until a receiver has taken its item', async () => {
  const { queue, board, remote } = await oneWorker(0);
  const common = { queue: queue.buffer, board: board.buffer, ...ONE_PRODUCER };
  let returned = false;
  const producing = remote.produce({ ...common, items: 1 }).then(() => (returned = true));
  await until(() => board.row(0).state === 'blocked-full', 'the sender to wait for its receiver');
  await settle(100);
  expect(queue.snapshot().length).toBe(1); // the item is there, handed over only when taken
  expect(returned).toBe(false);
  expect(queue.tryGet()).toMatchObject({ value: 0 });
  await producing;
});

it('join resolves exactly after the last taskDone', async () => {
  const { queue, board, remote } = await oneWorker(4);
  const log = new SharedArrayBuffer(16 * 4);
  for (const v of [1, 2, 3]) queue.tryPut(v);
  let itemsWhenJoined = -1;
  const joined = queue.joinAsync().then(() => (itemsWhenJoined = board.row(0).items));
  // ~200 ms per item (100–300 by item): the page looks in between.
  const consuming = remote.consume({
    queue: queue.buffer,
    board: board.buffer,
    log,
    worker: 0,
    costUs: 200_000,
  });
  await until(() => board.row(0).items === 2, 'two items done');
  expect(itemsWhenJoined).toBe(-1);
  await joined;
  expect(itemsWhenJoined).toBe(3);
  expect(queue.snapshot().unfinished).toBe(0);
  queue.close();
  await consuming;
});

it('a terminated group leaves no worker: the blocked one is woken by abort and takes nothing', async () => {
  const queue = SharedQueue.create(1, { canWait: false });
  group = new WorkerGroup(2, { onTerminate: () => queue.abort() });
  await group.ready();
  const board = Board.create(2);
  await blockConsumer(group.remotes[0]!, queue, board);
  group.terminate();
  expect(group.alive).toBe(0);
  const answer = await Promise.race([group.remotes[1]!.ping(), settle(300).then(() => 'no answer')]);
  expect(answer).toBe('no answer');
  expect(() => queue.tryPut(1)).toThrow(QueueAbortedError); // nobody, page or lingering worker, moves an item now
  // The blocked consumer woke (its hook marks it working) into the error; its answer dies with the worker.
  await until(() => board.row(0).state === 'working', 'the blocked consumer to wake');
  expect(board.row(0).items).toBe(0);
});

it('why abort first: terminate alone lets a worker blocked in Atomics.wait take an item afterwards', async () => {
  // Documents Chromium's behaviour that onTerminate works around (a graceful period of about 2 s before the
  // thread is stopped by force). If a browser stops the worker at once, this test fails and the abort is moot.
  const queue = SharedQueue.create(1, { canWait: false });
  group = new WorkerGroup(1);
  await group.ready();
  const board = Board.create(1);
  await blockConsumer(group.remotes[0]!, queue, board);
  group.terminate();
  await settle(100);
  queue.tryPut(1);
  await until(() => board.row(0).items === 1, 'the terminated worker to take the item');
});

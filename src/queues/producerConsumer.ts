import { transfer } from 'comlink';
import { Board, type WorkerRow } from '../../workers/kernels/queue/board';
import { SENTINEL, SharedQueue, type QueueSnapshot } from '../../workers/kernels/queue/sharedQueue';
import type { BrokerMessage, ClientMessage } from '../../workers/queue/protocol';
import { NotIsolatedError } from './errors';
import { MessageBroker } from './messageBroker';
import { producerConsumerProblem, type ProducerConsumerParams } from './params';
import { WorkerGroup } from './workerGroup';

/** Which queue carries the items: one in shared memory (Atomics), or a broker on the page reached by postMessage. */
export type QueueMode = 'shared' | 'message';

export interface RoleRow extends WorkerRow {
  role: 'producer' | 'consumer';
}

/** What the live view draws, reported a few times a second. */
export interface QueuePicture {
  queue: QueueSnapshot;
  /** Which ring slots hold an item, when the capacity is small enough to draw (≤ MAX_DRAWN_SLOTS); else null. */
  slots: boolean[] | null;
  workers: RoleRow[];
  elapsedMs: number;
}

export const MAX_DRAWN_SLOTS = 4096;

export interface ProducerConsumerResult {
  mode: QueueMode;
  params: ProducerConsumerParams;
  /** The sum of every consumer's checksum, and what one thread computes for the same items. */
  checksum: number;
  /** Values in the order the queue handed them out (by ticket), sentinels included, and in the order they finished. */
  takenOrder: number[];
  finishOrder: number[];
  /** Consumers that stopped on a sentinel. */
  stoppedBySentinel: number;
  ms: number;
  itemsPerSecond: number;
  workers: RoleRow[];
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (picture: QueuePicture) => void;
  /** Stop after this long (TimeLimitError carrying the last picture): the stated limit of a run that never ends. */
  timeLimitMs?: number;
  /** Whether the page is cross-origin isolated; read once by the caller (see src/environment.ts). */
  crossOriginIsolated: boolean;
  notIsolatedReason?: string | null;
  /** How often the picture is reported. */
  progressEveryMs?: number;
}

/**
 * p producer workers and c consumer workers around one bounded queue, the talk's pattern end to end: producers
 * put, consumers get / work / task_done, the page waits for the producers, then `join`s the queue (every item
 * done), then has `sentinels` sentinels put (one per consumer, unless the user forgets one) and waits for the
 * consumers to stop. Workers are terminated at the end, on cancel and at the time limit.
 */
export async function runProducerConsumer(
  params: ProducerConsumerParams,
  mode: QueueMode,
  options: RunOptions,
): Promise<ProducerConsumerResult> {
  const problem = producerConsumerProblem(params);
  if (problem) throw new RangeError(problem);
  if (mode === 'shared' && !options.crossOriginIsolated) throw new NotIsolatedError(options.notIsolatedReason ?? null);
  const run = mode === 'shared' ? sharedRun(params) : messageRun(params);
  let started = performance.now();
  const picture = (): QueuePicture => ({ ...run.picture(), elapsedMs: performance.now() - started });
  const group = new WorkerGroup(params.producers + params.consumers, {
    signal: options.signal,
    timeLimitMs: options.timeLimitMs,
    lastPicture: picture,
    onTerminate: () => run.abort(),
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    await group.ready();
    started = performance.now();
    timer = setInterval(() => options.onProgress?.(picture()), options.progressEveryMs ?? 50);
    const done = await group.guard(run.start(group));
    const ms = performance.now() - started;
    options.onProgress?.(picture());
    return {
      mode,
      params,
      ...done,
      ms,
      itemsPerSecond: params.items / (ms / 1000),
      workers: run.picture().workers,
    };
  } finally {
    clearInterval(timer);
    group.terminate();
  }
}

interface Outcome {
  checksum: number;
  takenOrder: number[];
  finishOrder: number[];
  stoppedBySentinel: number;
}

interface Run {
  start(group: WorkerGroup): Promise<Outcome>;
  /** Wakes every worker blocked on the queue into an error, so none lingers after terminate. */
  abort(): void;
  picture(): Omit<QueuePicture, 'elapsedMs'>;
}

const roleOf = (p: number) => (worker: number) => (worker < p ? 'producer' : 'consumer');

function sharedRun(params: ProducerConsumerParams): Run {
  const { producers: p, consumers: c } = params;
  const queue = SharedQueue.create(params.capacity, { canWait: false });
  const board = Board.create(p + c);
  // Room for every item and every sentinel, in both orders (see ConsumerConfig.log).
  const slots = params.items + params.sentinels;
  const log = new SharedArrayBuffer(2 * slots * Int32Array.BYTES_PER_ELEMENT);
  const role = roleOf(p);
  return {
    abort: () => queue.abort(),
    picture: () => ({
      queue: queue.snapshot(),
      slots: Math.max(queue.capacity, 1) <= MAX_DRAWN_SLOTS ? queue.occupiedSlots() : null,
      workers: board.rows().map((row, w) => ({ ...row, role: role(w) })),
    }),
    async start(group) {
      const remotes = group.remotes;
      const common = { queue: queue.buffer, board: board.buffer };
      const producing = remotes.slice(0, p).map((remote, j) =>
        remote.produce({
          ...common,
          worker: j,
          producer: j,
          producers: p,
          items: params.items,
          costUs: params.produceCostUs,
        }),
      );
      const consuming = remotes
        .slice(p)
        .map((remote, i) => remote.consume({ ...common, log, worker: p + i, costUs: params.consumeCostUs }));
      await group.guard(Promise.all(producing));
      await group.guard(queue.joinAsync());
      if (params.sentinels > 0) await group.guard(remotes[0]!.putSentinels(queue.buffer, params.sentinels));
      const reports = await group.guard(Promise.all(consuming));
      const words = new Int32Array(log);
      return {
        checksum: reports.reduce((sum, r) => (sum + r.checksum) >>> 0, 0),
        takenOrder: Array.from(words.subarray(0, queue.snapshot().head)),
        finishOrder: Array.from(words.subarray(slots, slots + params.items)),
        stoppedBySentinel: reports.filter((r) => r.sentinel).length,
      };
    },
  };
}

function messageRun(params: ProducerConsumerParams): Run {
  const { producers: p, consumers: c } = params;
  const broker = new MessageBroker(params.capacity);
  const role = roleOf(p);
  /** One channel per worker, its page end wired to the broker; returns the worker's end, to be transferred. */
  const connect = (): MessagePort => {
    const channel = new MessageChannel();
    const page = channel.port1;
    const client = broker.connect((message: BrokerMessage) => page.postMessage(message));
    page.onmessage = (event: MessageEvent<ClientMessage>) => broker.receive(client, event.data);
    return channel.port2;
  };
  /** A role's call resolving is when its worker is done: its port and the call's answer are separate channels. */
  const doneWhenSettled = <T>(client: number, call: Promise<T>): Promise<T> =>
    call.then((value) => {
      broker.markDone(client);
      return value;
    });
  return {
    // Message-passing workers wait in their event loop, not in Atomics.wait: terminate stops them at once.
    abort: () => {},
    picture: () => ({
      queue: broker.snapshot(),
      slots: null,
      workers: broker
        .rows()
        .slice(0, p + c)
        .map((row, w) => ({ ...row, role: role(w) })),
    }),
    async start(group) {
      const remotes = group.remotes;
      const ports = remotes.map(() => connect());
      const producing = remotes.slice(0, p).map((remote, j) => {
        const config = { producer: j, producers: p, items: params.items, costUs: params.produceCostUs };
        return doneWhenSettled(j, remote.produceViaPort(transfer(ports[j]!, [ports[j]!]), config));
      });
      const consuming = remotes.slice(p).map((remote, i) => {
        const port = ports[p + i]!;
        return doneWhenSettled(p + i, remote.consumeViaPort(transfer(port, [port]), { costUs: params.consumeCostUs }));
      });
      await group.guard(Promise.all(producing));
      await group.guard(broker.join());
      if (params.sentinels > 0) {
        const port = connect();
        await group.guard(remotes[0]!.putSentinelsViaPort(transfer(port, [port]), params.sentinels));
      }
      const reports = await group.guard(Promise.all(consuming));
      return {
        checksum: reports.reduce((sum, r) => (sum + r.checksum) >>> 0, 0),
        takenOrder: [...broker.takenOrder],
        finishOrder: broker.finishOrder.filter((v) => v !== SENTINEL),
        stoppedBySentinel: reports.filter((r) => r.sentinel).length,
      };
    },
  };
}

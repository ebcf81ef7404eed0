import type { WorkerRow, WorkerState } from '../../workers/kernels/queue/board';
import type { QueueSnapshot } from '../../workers/kernels/queue/sharedQueue';
import type { BrokerMessage, ClientMessage } from '../../workers/queue/protocol';

/** Where the broker sends one client's answers: a MessagePort in the app, a function in tests. */
export type Reply = (message: BrokerMessage) => void;

interface Waiting {
  client: number;
  id: number;
  since: number;
}

interface Held {
  value: number;
  ticket: number;
  /** Unbuffered queue: the sender, answered only when a receiver takes the item. */
  sender: Waiting | null;
}

/**
 * The message-passing queue: a bounded FIFO kept on the page, reached by requests (see workers/queue/protocol.ts).
 * Same semantics as `SharedQueue` — backpressure, rendezvous at capacity 0, task_done/join, close — but no shared
 * memory: a pure state machine, its clock and its transport passed in, so it is tested without a browser.
 */
export class MessageBroker {
  readonly #items: Held[] = [];
  readonly #puts: (Waiting & { value: number })[] = [];
  readonly #gets: Waiting[] = [];
  readonly #replies: Reply[] = [];
  readonly #rows: WorkerRow[] = [];
  readonly #blockedSince: number[] = [];
  #head = 0;
  #tail = 0;
  #unfinished = 0;
  #closed = false;
  #joiners: (() => void)[] = [];
  /** Values by ticket (the order items were handed out) and in the order consumers marked them done. */
  readonly takenOrder: number[] = [];
  readonly finishOrder: number[] = [];

  constructor(
    readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Adds a client; returns its index, the first argument of `receive`. */
  connect(reply: Reply): number {
    this.#replies.push(reply);
    this.#rows.push({ state: 'working', items: 0, blockedMs: 0 });
    this.#blockedSince.push(0);
    return this.#replies.length - 1;
  }

  receive(client: number, message: ClientMessage): void {
    switch (message.type) {
      case 'put':
        if (this.#closed) return this.#send(client, { type: 'put-closed', id: message.id });
        this.#block(client, 'blocked-full');
        this.#puts.push({ client, id: message.id, value: message.value, since: this.now() });
        break;
      case 'get':
        this.#block(client, 'blocked-empty');
        this.#gets.push({ client, id: message.id, since: this.now() });
        break;
      case 'taskDone':
        if (this.#unfinished === 0) throw new RangeError('taskDone() called more times than there were items');
        this.#unfinished--;
        this.finishOrder.push(message.value);
        if (this.#unfinished === 0) this.#wakeJoiners();
        return;
      case 'close':
        this.close();
        return;
    }
    this.#pump();
  }

  /** Shows a client as done: its role has returned. */
  markDone(client: number): void {
    this.#unblock(client);
    this.#rows[client]!.state = 'done';
  }

  /** Resolves when every item put has been marked done. */
  join(): Promise<void> {
    if (this.#unfinished === 0) return Promise.resolve();
    return new Promise((resolve) => this.#joiners.push(resolve));
  }

  close(): void {
    this.#closed = true;
    for (const put of this.#puts.splice(0)) {
      this.#unblock(put.client);
      this.#send(put.client, { type: 'put-closed', id: put.id });
    }
    this.#pump();
  }

  snapshot(): QueueSnapshot {
    return {
      capacity: this.capacity,
      head: this.#head,
      tail: this.#tail,
      length: this.#items.length,
      unfinished: this.#unfinished,
      closed: this.#closed,
    };
  }

  rows(): WorkerRow[] {
    const now = this.now();
    return this.#rows.map((row, client) => ({
      ...row,
      blockedMs: row.blockedMs + (row.state.startsWith('blocked') ? now - this.#blockedSince[client]! : 0),
    }));
  }

  /** Matches waiting gets with items and admits waiting puts into free room, until nothing more can move. */
  #pump(): void {
    const slots = Math.max(this.capacity, 1);
    for (let moved = true; moved;) {
      moved = false;
      while (this.#puts.length > 0 && this.#items.length < slots) {
        const put = this.#puts.shift()!;
        const ticket = this.#tail++;
        this.#unfinished++;
        const unbuffered = this.capacity === 0;
        this.#items.push({ value: put.value, ticket, sender: unbuffered ? put : null });
        if (!unbuffered) this.#answerPut(put, ticket);
        moved = true;
      }
      while (this.#gets.length > 0 && this.#items.length > 0) {
        const get = this.#gets.shift()!;
        const held = this.#items.shift()!;
        this.#head++;
        this.takenOrder[held.ticket] = held.value;
        if (held.sender) this.#answerPut(held.sender, held.ticket);
        this.#unblock(get.client);
        this.#rows[get.client]!.items++;
        this.#send(get.client, { type: 'item', id: get.id, value: held.value, ticket: held.ticket });
        moved = true;
      }
    }
    if (this.#closed && this.#items.length === 0) {
      for (const get of this.#gets.splice(0)) {
        this.#unblock(get.client);
        this.#send(get.client, { type: 'closed', id: get.id });
      }
    }
  }

  #answerPut(put: Waiting, ticket: number): void {
    this.#unblock(put.client);
    this.#rows[put.client]!.items++;
    this.#send(put.client, { type: 'put-ok', id: put.id, ticket });
  }

  #block(client: number, state: WorkerState): void {
    this.#rows[client]!.state = state;
    this.#blockedSince[client] = this.now();
  }

  #unblock(client: number): void {
    const row = this.#rows[client]!;
    if (!row.state.startsWith('blocked')) return;
    row.blockedMs += this.now() - this.#blockedSince[client]!;
    row.state = 'working';
  }

  #wakeJoiners(): void {
    for (const resolve of this.#joiners.splice(0)) resolve();
  }

  #send(client: number, message: BrokerMessage): void {
    this.#replies[client]!(message);
  }
}

import type { BrokerMessage, ClientMessage } from './protocol';

/** Something that carries messages both ways: a MessagePort in a worker, a fake in tests. */
export interface Port {
  postMessage(message: ClientMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BrokerMessage>) => void): void;
  start?(): void;
}

/** The worker's end of the message-passing queue: `put` and `get` resolve when the broker answers. */
export class MessageQueueClient {
  #nextId = 0;
  readonly #pending = new Map<number, (message: BrokerMessage) => void>();

  constructor(private readonly port: Port) {
    port.addEventListener('message', (event) => {
      const answer = this.#pending.get(event.data.id);
      this.#pending.delete(event.data.id);
      answer?.(event.data);
    });
    port.start?.();
  }

  /** Resolves with the item's ticket once the broker has it; rejects if the queue is closed. */
  async put(value: number): Promise<number> {
    const answer = await this.#ask({ type: 'put', id: this.#nextId++, value });
    if (answer.type !== 'put-ok') throw new Error('put on a closed queue');
    return answer.ticket;
  }

  async get(): Promise<{ done: false; value: number; ticket: number } | { done: true }> {
    const answer = await this.#ask({ type: 'get', id: this.#nextId++ });
    return answer.type === 'item' ? { done: false, value: answer.value, ticket: answer.ticket } : { done: true };
  }

  taskDone(value: number): void {
    this.port.postMessage({ type: 'taskDone', value });
  }

  close(): void {
    this.port.postMessage({ type: 'close' });
  }

  #ask(message: ClientMessage & { id: number }): Promise<BrokerMessage> {
    return new Promise((resolve) => {
      this.#pending.set(message.id, resolve);
      this.port.postMessage(message);
    });
  }
}

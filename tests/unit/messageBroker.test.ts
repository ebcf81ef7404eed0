import { describe, expect, it } from 'vitest';
import { MessageBroker } from '../../src/queues/messageBroker';
import type { BrokerMessage } from '../../workers/queue/protocol';

function setup(capacity: number) {
  let now = 0;
  const broker = new MessageBroker(capacity, () => now);
  const inboxes: BrokerMessage[][] = [];
  const client = () => {
    const inbox: BrokerMessage[] = [];
    inboxes.push(inbox);
    return { id: broker.connect((m) => inbox.push(m)), inbox };
  };
  return { broker, client, tick: (ms: number) => (now += ms) };
}

describe('the message-passing queue (broker on the page)', () => {
  it('answers a put at once while there is room, holds it while full (backpressure)', () => {
    const { broker, client, tick } = setup(1);
    const producer = client();
    const consumer = client();
    broker.receive(producer.id, { type: 'put', id: 0, value: 7 });
    broker.receive(producer.id, { type: 'put', id: 1, value: 8 });
    expect(producer.inbox).toEqual([{ type: 'put-ok', id: 0, ticket: 0 }]);
    expect(broker.rows()[producer.id]!.state).toBe('blocked-full');
    tick(5);
    broker.receive(consumer.id, { type: 'get', id: 0 });
    expect(consumer.inbox).toEqual([{ type: 'item', id: 0, value: 7, ticket: 0 }]);
    expect(producer.inbox[1]).toEqual({ type: 'put-ok', id: 1, ticket: 1 });
    expect(broker.rows()[producer.id]).toEqual({ state: 'working', items: 2, blockedMs: 5 });
  });

  it('capacity 0 is a rendezvous: the put is answered only when a receiver takes the item', () => {
    const { broker, client } = setup(0);
    const producer = client();
    const consumer = client();
    broker.receive(producer.id, { type: 'put', id: 0, value: 1 });
    expect(producer.inbox).toEqual([]);
    broker.receive(consumer.id, { type: 'get', id: 0 });
    expect(producer.inbox).toEqual([{ type: 'put-ok', id: 0, ticket: 0 }]);
    expect(consumer.inbox).toEqual([{ type: 'item', id: 0, value: 1, ticket: 0 }]);
  });

  it('join resolves exactly after the last taskDone; close drains, then answers gets with closed', async () => {
    const { broker, client } = setup(4);
    const worker = client();
    broker.receive(worker.id, { type: 'put', id: 0, value: 1 });
    broker.receive(worker.id, { type: 'put', id: 1, value: 2 });
    let joined = false;
    const join = broker.join().then(() => (joined = true));
    broker.receive(worker.id, { type: 'get', id: 2 });
    broker.receive(worker.id, { type: 'taskDone', value: 1 });
    await Promise.resolve();
    expect(joined).toBe(false);
    broker.receive(worker.id, { type: 'close' });
    broker.receive(worker.id, { type: 'put', id: 3, value: 3 });
    broker.receive(worker.id, { type: 'get', id: 4 });
    broker.receive(worker.id, { type: 'get', id: 5 });
    broker.receive(worker.id, { type: 'taskDone', value: 2 });
    await join;
    expect(joined).toBe(true);
    expect(worker.inbox.slice(2)).toEqual([
      { type: 'item', id: 2, value: 1, ticket: 0 },
      { type: 'put-closed', id: 3 },
      { type: 'item', id: 4, value: 2, ticket: 1 },
      { type: 'closed', id: 5 },
    ]);
    expect(broker.finishOrder).toEqual([1, 2]);
    expect(() => broker.receive(worker.id, { type: 'taskDone', value: 0 })).toThrow(RangeError);
  });
});

import { addMod32, consumeCost, itemValue, processItem, producerShare, spend } from '../kernels/queue/items';
import { SENTINEL } from '../kernels/queue/sharedQueue';
import { MessageQueueClient, type Port } from './messageQueueClient';

/**
 * The producer and consumer roles again, on the message-passing queue: the same items, costs and checksum as
 * `roles.ts`, but every put and get is a round trip to the broker on the page ("share memory by communicating").
 */
export interface MessageRoleReport {
  items: number;
  checksum: number;
  sentinel: boolean;
}

export async function produceViaPort(
  port: Port,
  config: { producer: number; producers: number; items: number; costUs: number },
): Promise<MessageRoleReport> {
  const queue = new MessageQueueClient(port);
  const share = producerShare(config.producer, config.items, config.producers);
  for (let s = 0; s < share; s++) {
    spend(config.costUs);
    await queue.put(itemValue(config.producer, s, config.producers));
  }
  return { items: share, checksum: 0, sentinel: false };
}

export async function putSentinelsViaPort(port: Port, count: number): Promise<void> {
  const queue = new MessageQueueClient(port);
  for (let i = 0; i < count; i++) await queue.put(SENTINEL);
}

export async function consumeViaPort(port: Port, config: { costUs: number }): Promise<MessageRoleReport> {
  const queue = new MessageQueueClient(port);
  let checksum = 0;
  let items = 0;
  let sentinel = false;
  for (;;) {
    const received = await queue.get();
    if (received.done) break;
    if (received.value === SENTINEL) {
      queue.taskDone(SENTINEL);
      sentinel = true;
      break;
    }
    spend(consumeCost(config.costUs, received.value));
    checksum = addMod32(checksum, processItem(received.value));
    items++;
    queue.taskDone(received.value);
  }
  return { items, checksum, sentinel };
}

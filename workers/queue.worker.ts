import { expose } from 'comlink';
import { generate, processBlock, reduce, transform } from './kernels/queue/pipeline';
import { consume, produce, putSentinels } from './kernels/queue/roles';
import { consumeViaPort, produceViaPort, putSentinelsViaPort } from './queue/messageRoles';

/**
 * The worker of the queues demo: one role per call (producer, consumer, pipeline stage), each running to its end
 * and blocking inside the worker when its queue makes it wait. Shared-memory roles take SharedArrayBuffers; the
 * message-passing roles take a MessagePort to the broker on the page.
 */
const api = {
  ping: () => true,
  produce,
  consume,
  putSentinels,
  generate,
  transform,
  reduce,
  processBlock,
  produceViaPort,
  consumeViaPort,
  putSentinelsViaPort,
};

export type QueueWorkerApi = typeof api;

expose(api);

import { MAX_FETCHERS, PIPELINE_LIMITS } from '../../queues/limits';
import { PRODUCER_CONSUMER_DEFAULTS, PRODUCER_CONSUMER_LIMITS, type ProducerConsumerParams } from '../../queues/params';
import { SITE_LIMITS } from '../../queues/site';
import { boolean, choice, decimal, integer, type Values } from '../../settings';
import type { Environment } from '../../environment';

const pc = PRODUCER_CONSUMER_LIMITS;
const d = PRODUCER_CONSUMER_DEFAULTS;

/**
 * The queues demo's settings: the blocking queue (who, how big, how costly), the pipeline, and the crawler's site.
 * Without cross-origin isolation the queue can only be the message-passing one, so that is the only choice.
 */
export function queuesSchema(crossOriginIsolated: boolean) {
  const modes = crossOriginIsolated
    ? ([
        { value: 'shared', label: 'Shared memory (SharedArrayBuffer + Atomics.wait)' },
        { value: 'message', label: 'Message passing (postMessage to a broker)' },
      ] as const)
    : ([{ value: 'message', label: 'Message passing (postMessage to a broker)' }] as const);
  return {
    mode: choice<'shared' | 'message'>({
      label: 'Queue',
      options: modes,
      default: crossOriginIsolated ? 'shared' : 'message',
    }),
    producers: integer({ label: 'Producers (p)', step: 'one', ...pc.producers, default: d.producers }),
    consumers: integer({ label: 'Consumers (c)', step: 'one', ...pc.consumers, default: d.consumers }),
    capacity: integer({
      label: 'Capacity',
      step: 'double',
      ...pc.capacity,
      default: d.capacity,
      help: `0 (a rendezvous) to ${pc.capacity.max.toLocaleString('en')}`,
    }),
    items: integer({ label: 'Items', ...pc.items, default: d.items }),
    produceUs: integer({ label: 'Cost to produce', unit: 'µs', ...pc.produceCostUs, default: d.produceCostUs }),
    consumeUs: integer({ label: 'Cost to consume', unit: 'µs', ...pc.consumeCostUs, default: d.consumeCostUs }),
    forget: boolean({
      label: 'Forget one sentinel (a consumer then waits for ever: the time limit ends it)',
      default: false,
    }),

    pipeItems: integer({ label: 'Pipeline items', ...PIPELINE_LIMITS.items, default: 20_000 }),
    transformers: integer({ label: 'Transform workers', ...PIPELINE_LIMITS.transformers, default: 1 }),
    pipeCapacity: integer({ label: 'Channel capacity', ...PIPELINE_LIMITS.capacity, default: 64 }),
    transformUs: integer({ label: 'Transform cost', unit: 'µs', ...PIPELINE_LIMITS.costUs, default: 20 }),

    pages: integer({ label: 'Pages', ...SITE_LIMITS.pages, default: 300 }),
    seed: integer({ label: 'Seed', min: 0, max: 2 ** 32 - 1, default: 1 }),
    links: integer({ label: 'Links per page (mean)', ...SITE_LIMITS.meanLinks, default: 3 }),
    broken: decimal({ label: 'Broken links (share)', min: 0, max: 1, default: 0.05 }),
    // 10 ms a page: one fetcher crawls the 300 pages in about 3 s, the sweep over k in about 6.
    latency: integer({ label: 'Latency per page', unit: 'ms', ...SITE_LIMITS.latencyMs, default: 10 }),
    fetchers: integer({ label: 'Fetchers (k)', min: 1, max: MAX_FETCHERS, default: 8 }),
    bug: boolean({ label: 'The bug: stop as soon as the frontier is empty', default: false }),
    overHttp: boolean({ label: 'Fetch through the service worker (real requests)', default: false }),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => queuesSchema(env.crossOriginIsolated);

export type QueuesSchema = ReturnType<typeof queuesSchema>;

/** The producer/consumer run the settings describe; "Forget one sentinel" sends one fewer than the consumers. */
export function producerConsumerParams(v: Values<QueuesSchema>): ProducerConsumerParams {
  return {
    producers: v.producers,
    consumers: v.consumers,
    capacity: v.capacity,
    items: v.items,
    produceCostUs: v.produceUs,
    consumeCostUs: v.consumeUs,
    sentinels: v.forget ? v.consumers - 1 : v.consumers,
  };
}

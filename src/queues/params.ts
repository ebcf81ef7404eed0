/** What a user sets for a producer/consumer run, and the bounds the page states next to each input. */
export interface ProducerConsumerParams {
  producers: number;
  consumers: number;
  /** 0 is a rendezvous (Go's unbuffered channel); otherwise the most items the queue holds. */
  capacity: number;
  items: number;
  /** The cost of making one item and of handling one, in microseconds of busy work. */
  produceCostUs: number;
  consumeCostUs: number;
  /** Sentinels put after join: one per consumer stops them all; one fewer leaves a consumer waiting for ever. */
  sentinels: number;
}

export const PRODUCER_CONSUMER_LIMITS = {
  producers: { min: 1, max: 16 },
  consumers: { min: 1, max: 16 },
  capacity: { min: 0, max: 65_536 },
  items: { min: 1, max: 1_000_000 },
  produceCostUs: { min: 0, max: 100_000 },
  consumeCostUs: { min: 0, max: 100_000 },
} as const;

/**
 * A producer three times as fast as its consumer: the buffer fills, then the producer blocks (backpressure). Two
 * workers, so that on a 2-core machine neither waits for a core (busy workers beyond the cores are time-sliced,
 * and a woken worker can wait milliseconds for its turn).
 */
export const PRODUCER_CONSUMER_DEFAULTS: ProducerConsumerParams = {
  producers: 1,
  consumers: 1,
  capacity: 8,
  items: 1000,
  produceCostUs: 100,
  consumeCostUs: 300,
  sentinels: 1,
};

/** The first thing wrong with the parameters, in words for the page; null when all are in bounds. */
export function producerConsumerProblem(params: ProducerConsumerParams): string | null {
  for (const [key, { min, max }] of Object.entries(PRODUCER_CONSUMER_LIMITS)) {
    const value = params[key as keyof typeof PRODUCER_CONSUMER_LIMITS];
    if (!Number.isInteger(value) || value < min || value > max)
      return `${key} must be a whole number from ${min} to ${max}`;
  }
  if (!Number.isInteger(params.sentinels) || params.sentinels < 0 || params.sentinels > params.consumers) {
    return `sentinels must be from 0 to the number of consumers (${params.consumers})`;
  }
  return null;
}

/**
 * What producers make and consumers compute, identical in every mode and in the sequential reference, so that a
 * parallel run can be checked bit for bit.
 *
 * Producer j of p makes the items j, j + p, j + 2p, …: an item's value names its producer (value mod p) and its
 * place in that producer's sequence (value div p), so FIFO order per producer can be checked from values alone.
 */
export function itemValue(producer: number, sequence: number, producers: number): number {
  return sequence * producers + producer;
}

/** How many of `items` items producer j of p makes (the first `items mod p` producers make one more). */
export function producerShare(producer: number, items: number, producers: number): number {
  return Math.floor(items / producers) + (producer < items % producers ? 1 : 0);
}

/** The consumer's computation on one item: a 32-bit integer hash (murmur3's finaliser), cheap and exact. */
export function processItem(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Adds modulo 2³²: associative and commutative, so any order of consumers gives the same checksum. */
export function addMod32(sum: number, value: number): number {
  return (sum + value) >>> 0;
}

/** The checksum of items 0 … n−1 processed one after the other: the reference every parallel run must equal. */
export function sequentialChecksum(items: number): number {
  let sum = 0;
  for (let v = 0; v < items; v++) sum = addMod32(sum, processItem(v));
  return sum;
}

/**
 * What handling one item costs: from half to one and a half times the mean, fixed by the item. Real work varies, and
 * that is why items finish in another order than they were taken (the talk's `2017, 2016, 2019, 2018`).
 */
export function consumeCost(meanUs: number, value: number): number {
  return meanUs * (0.5 + (processItem(value ^ 0x5bd1e995) % 1024) / 1023);
}

/**
 * Stands for the cost of making or handling one item: busy for `us` microseconds of wall time. Costs are time, not
 * work, so that "producers twice as slow as consumers" means what it says on any machine.
 */
export function spend(us: number): void {
  if (us <= 0) return;
  const until = performance.now() + us / 1000;
  while (performance.now() < until) {
    // busy: this is the work
  }
}

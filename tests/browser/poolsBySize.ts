import { afterAll, beforeAll } from 'vitest';
import { createPool, type Pool } from '../../src/pool';

/** One ready pool per size for the whole test file, shut down after it; returns the pool of a size. */
export function poolsBySize(sizes: readonly number[]): (size: number) => Pool {
  const pools = new Map<number, Pool>();
  beforeAll(async () => {
    for (const size of sizes) pools.set(size, createPool({ size }));
    await Promise.all([...pools.values()].map((pool) => pool.ready));
  });
  afterAll(async () => {
    await Promise.all([...pools.values()].map((pool) => pool.shutdown({ cancelPending: true })));
  });
  return (size) => pools.get(size)!;
}

import { expect, it } from 'vitest';
import { MachineState } from '../../../src/demos/machine/state.svelte';
import { expectRunLockBlocks, testEnvironment } from './support';

const env = testEnvironment();

it('measures the clock', () => {
  const state = new MachineState(env);
  state.measureTimer();
  expect(state.timer!.smallestStepMs).toBeGreaterThan(0);
  expect(state.timer!.medianStepMs).toBeGreaterThanOrEqual(state.timer!.smallestStepMs);
});

it('sweeps the worker counts by default up to twice the cores, at most 16', () => {
  const state = new MachineState(env);
  expect(state.counts).toEqual(Array.from({ length: Math.min(16, 2 * env.hardwareConcurrency) }, (_, i) => i + 1));
});

it('a cancelled sweep stops; the next one finds the plateau and exports its rows', async () => {
  const state = new MachineState(env, { counts: [1, 2] });
  const cancelled = state.run();
  expect(state.runner.status).toBe('running');
  await expect.poll(() => state.runner.progress, { timeout: 5000 }).not.toBeNull();
  state.runner.cancel();
  expect(state.runner.status).toBe('cancelled');
  await cancelled;

  await state.run();
  expect(state.runner.status).toBe('done');
  const rows = state.runner.result!.rows;
  expect(rows.map((row) => row.workers)).toEqual([1, 2]);
  expect(rows.every((row) => row.matches)).toBe(true);
  expect([1, 2]).toContain(state.plateau);
  expect(state.bestSpeedup).toBeGreaterThan(0);
  expect(state.resultText).not.toBe('');

  const table = state.table!;
  expect(table.rows.map((row) => row.workers)).toEqual([1, 2]);
  table.rows.forEach((row, i) => expect(row.medianMs).toBeCloseTo(rows[i]!.medianMs, 2));
});

it('waits while another experiment holds the lock, naming it', async () => {
  const state = new MachineState(env, { counts: [1] });
  await expectRunLockBlocks(() => state);
});

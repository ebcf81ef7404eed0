import { expect, it } from 'vitest';
import { ArraySumState } from '../../../src/demos/array-sum/state.svelte';
import { makeFloatArray } from '../../../src/image/arraySum';
import { cancelAfterEach, expectRunLockBlocks, testEnvironment } from './support';

const env = { ...testEnvironment(), hardwareConcurrency: 2 };
const N = 10_000;
const expected = makeFloatArray(N).reduce((a, b) => a + b, 0);
const keep = cancelAfterEach((state: ArraySumState) => [state.runner]);

function arraySum(raw: Record<string, string> = {}, environment = env): ArraySumState {
  const state = new ArraySumState(environment);
  Object.assign(state.settings.raw, { n: String(N), workers: '1-2', reps: '1' }, raw);
  return keep(state);
}

it('sums the array with 1 and 2 workers in copy mode: the exact sum, and export rows that match', async () => {
  const state = arraySum();
  expect(state.ready).toBe(true);
  await state.run();
  expect(state.runner.status).toBe('done');
  const result = state.result!;
  expect(result.reference).toBe(expected);
  expect(result.mismatches).toBe(0);
  expect(state.ran).toMatchObject({ mode: 'copy', n: N });
  expect(result.rows.map((row) => row.workers)).toEqual([1, 2]);
  expect(result.rows.every((row) => row.bytesCloned > 0)).toBe(true);

  const table = state.table!;
  expect(table.rows).toHaveLength(2);
  for (const [i, row] of table.rows.entries()) {
    const measured = result.rows[i]!;
    expect(row).toMatchObject({ workers: measured.workers, matches: true, bytesCloned: measured.bytesCloned });
    expect(row.medianMs).toBeCloseTo(measured.medianMs, 2);
    expect(row.moveMs).toBeCloseTo(measured.moveMs, 2);
  }
  expect(table.columns.map((column) => column.key)).toContain('throughput');
  expect(state.modesTable!.rows).toEqual([expect.objectContaining({ mode: 'copy', workers: 2 })]);
  // One repetition shows no spread: the noise check says so.
  expect(state.noise.join(' ')).toMatch(/One repetition/);
});

it('each mode keeps its latest run for the comparison; transfer leaves the buffers detached', async () => {
  const state = arraySum({ workers: '2' });
  await state.run();
  state.settings.raw.mode = 'transfer';
  await state.run();
  expect(state.result!.reference).toBe(expected);
  expect(state.result!.last.detached).toEqual({ detached: 8, sent: 8 }); // 2 workers × 4 chunks
  expect(Object.keys(state.summaries).sort()).toEqual(['copy', 'transfer']);
  expect(state.modesTable!.rows.map((row) => row.mode)).toEqual(['copy', 'transfer']);
  // A new length is a new array: the comparison starts again.
  state.settings.raw.n = '2000';
  await state.run();
  expect(state.modesTable!.rows.map((row) => row.mode)).toEqual(['transfer']);
});

it('shared mode is refused, with the reason, on a page that is not cross-origin isolated', () => {
  const state = arraySum({ mode: 'shared' }, { ...env, crossOriginIsolated: false });
  expect(state.ready).toBe(false);
  expect(state.settings.result).toMatchObject({ ok: false, errors: { mode: /not cross-origin isolated/ } });
  if (env.crossOriginIsolated) expect(arraySum({ mode: 'shared' }).ready).toBe(true);
});

it('Cancel stops the sweep as cancelled; the next run works', async () => {
  const state = arraySum({ reps: '5' });
  const running = state.run();
  expect(state.runner.status).toBe('running');
  state.runner.cancel();
  expect(state.runner.status).toBe('cancelled');
  await running;
  expect(state.result).toBeNull();

  state.settings.raw.reps = '1';
  await state.run();
  expect(state.runner.status).toBe('done');
  expect(state.result!.reference).toBe(expected);
});

it('reset restores the defaults; invalid settings do not run', async () => {
  const state = arraySum({ workers: '1-3' });
  expect(state.settings.result).toMatchObject({ ok: false, errors: { workers: /At most 2 workers/ } });
  await state.run();
  expect(state.runner.status).toBe('idle');
  expect(state.settings.isDefault).toBe(false);
  state.settings.reset();
  expect(state.settings.isDefault).toBe(true);
  expect(state.settings.raw).toMatchObject({ n: '20000000', mode: 'copy', workers: '1-2', reps: '3' });
  expect(state.ready).toBe(true);
});

it('another experiment holding the run lock blocks the run, with the reason', async () => {
  await expectRunLockBlocks(() => arraySum(), {
    ranNothing: (state) => expect(state.result).toBeNull(),
    free: () => arraySum({ workers: '1' }),
  });
});

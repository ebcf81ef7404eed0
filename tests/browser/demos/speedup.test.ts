import { expect, it } from 'vitest';
import { SpeedupState } from '../../../src/demos/speedup/state.svelte';
import { calibrationFrom, PHI } from '../../../src/measure/calibrate';
import { calibrate } from '../../../src/measure/calibration';
import { cancelAfterEach, holdLock, testEnvironment } from './support';

const env = { ...testEnvironment(), hardwareConcurrency: 2 };
const keep = cancelAfterEach((state: SpeedupState) => [state.runner]);

function speedup(raw: Record<string, string | boolean> = {}): SpeedupState {
  const state = new SpeedupState(env, { calibration: Promise.resolve(null) });
  Object.assign(state.settings.raw, { task: 'fib', 'fib-n': '20', 'fib-k': '8', workers: '1-2', reps: '2' }, raw);
  return keep(state);
}

it('sweeps 1 and 2 workers: the same result at each, and export rows that match the table', async () => {
  const state = speedup();
  await state.run();
  expect(state.runner.status).toBe('done');
  const result = state.runner.result!;
  expect(result.mismatches).toBe(0);
  expect(state.resultText).toMatch(/fib\(20\) = 6,765/);
  expect(result.rows.map((row) => row.workers)).toEqual([1, 2]);
  const table = state.table!;
  expect(table.rows.map((row) => row.workers)).toEqual([1, 2]);
  expect(table.rows[0]).toMatchObject({ speedup: 1, matches: true });
  expect(table.rows[1]!.timesMs).toMatch(/^\S+ \S+$/); // two repetitions
  expect(state.ran?.settings).toMatchObject({ 'fib-n': '20', reps: '2' });
  // fib(20) × 8 takes far under 300 ms: the noise check says the numbers cannot be trusted.
  expect(state.noise.join(' ')).toMatch(/too short to time reliably/);
});

it('cancel stops the run at once, and the next run works', async () => {
  const state = speedup({ 'fib-n': '34', reps: '5' });
  const running = state.run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  state.runner.cancel();
  expect(state.runner.status).toBe('cancelled');
  await running;
  Object.assign(state.settings.raw, { 'fib-n': '18', reps: '1' });
  await state.run();
  expect(state.runner.status).toBe('done');
  expect(state.resultText).toMatch(/fib\(18\)/);
});

it('invalid settings keep it from running; reset brings back the defaults', async () => {
  const state = speedup({ workers: '1-9' });
  expect(state.ready).toBe(false);
  await state.run();
  expect(state.runner.status).toBe('idle');
  expect(state.settings.isDefault).toBe(false);
  state.settings.reset();
  expect(state.settings.isDefault).toBe(true);
  expect(state.settings.raw.workers).toBe('1-2');
});

it('does not start while another experiment holds the page, and says which', async () => {
  const other = holdLock('the Image demo');
  const state = speedup();
  expect(state.runner.blockedBy).toMatch(/the Image demo is running/);
  await state.run();
  expect(state.runner.status).toBe('idle');
  await other.release();
  expect(state.runner.blockedBy).toBeNull();
});

it('sizes the fib defaults by the calibration, says so in words, and keeps values given explicitly', async () => {
  const probe = { n: 32, ms: 65, unitMs: 65 / PHI ** 32 };
  const sumProbe = { terms: 1 << 22, ms: 8, nsPerTerm: (8 * 1e6) / (1 << 22) };
  const state = new SpeedupState(env, { calibration: Promise.resolve(calibrationFrom(probe, sumProbe)) });
  const raw = state.settings.raw as Record<string, string | boolean>;
  expect(raw['fib-n']).toBe('30');
  expect(state.probing).toBe(true);
  await Promise.resolve();
  await Promise.resolve();
  expect(state.probing).toBe(false);
  expect(state.settings.raw).toMatchObject({ 'fib-n': '32', 'fib-k': '16' });
  expect(state.settings.isDefault).toBe(true);
  expect(state.sizing).toBe('Sized for this machine by a quick probe: fib(32) × 16, about 1.0 s on one worker here.');
  raw['fib-n'] = '33';
  expect(state.sizing).toMatch(/^Set to fib\(33\) × 16, about 1\.7 s on one worker here; the probe’s choice/);
  state.settings.raw.task = 'sum';
  // 1.9 ns a term: N = 500,000,000 is about 0.95 s.
  expect(raw['sum-n']).toBe('500000000');
  expect(state.sizing).toBe(
    'Sized for this machine by a quick probe: N = 500,000,000, about 950 ms on one worker here.',
  );
});

it('a probe that fails to start ends the probing and keeps the static defaults', async () => {
  const state = new SpeedupState(env, { calibration: Promise.reject(new Error('no workers here')) });
  await Promise.resolve();
  await Promise.resolve();
  expect(state.probing).toBe(false);
  expect(state.calibration).toBeNull();
  expect(state.settings.raw).toMatchObject({ 'fib-n': '30', 'fib-k': '16' });
  expect(state.sizing).toBeNull();
});

it('probes this machine once per visit, in a fraction of a second', async () => {
  const start = performance.now();
  const found = await calibrate();
  const took = performance.now() - start;
  expect(found).not.toBeNull();
  expect(found!.probe.ms).toBeGreaterThan(0);
  expect(found!.speedup.ms).toBeGreaterThan(700);
  expect(found!.speedup.ms).toBeLessThan(1300);
  // About a second, unless the machine is so fast that N stops at its cap of 10⁹ (see sizeSum).
  if (found!.sum!.n < 1_000_000_000) expect(found!.sum!.ms).toBeGreaterThan(700);
  expect(found!.sum!.ms).toBeLessThan(2000);
  expect(took).toBeLessThan(2000);
  expect(await calibrate()).toBe(found);
  console.info(`calibration: ${JSON.stringify(found)} in ${took.toFixed(0)} ms`);
});

it('the calibrated Sum default takes about a second on one worker (a generous 0.3–4 s on a busy machine)', async () => {
  const found = await calibrate();
  const state = keep(new SpeedupState(env, { calibration: Promise.resolve(found) }));
  await Promise.resolve();
  await Promise.resolve();
  Object.assign(state.settings.raw, { task: 'sum', workers: '1', reps: '1' });
  expect((state.settings.raw as Record<string, unknown>)['sum-n']).toBe(String(found!.sum!.n));
  await state.run();
  const row = state.runner.result!.rows[0]!;
  console.info(
    `sum N = ${found!.sum!.n}: ${row.medianMs.toFixed(0)} ms on one worker, predicted ${found!.sum!.ms.toFixed(0)}`,
  );
  expect(row.medianMs).toBeGreaterThan(300);
  expect(row.medianMs).toBeLessThan(4000);
});

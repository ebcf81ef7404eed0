import { expect, it } from 'vitest';
import { ImageState } from '../../../src/demos/image/state.svelte';
import { equalBytes } from '../../../src/image/picture';
import { samplePicture } from '../../../src/image/sample';
import { cancelAfterEach, holdLock, testEnvironment } from './support';

const env = { ...testEnvironment(), hardwareConcurrency: 2 };
const keep = cancelAfterEach((state: ImageState) => [state.runner]);

function image(raw: Record<string, string> = {}): ImageState {
  const state = new ImageState(env);
  state.usePicture(samplePicture(61, 37), 'a small sample');
  Object.assign(state.settings.raw, { filter: 'sobel', workers: '1-2', reps: '1', bands: '2' }, raw);
  return keep(state);
}

it('filters in every mode with the same bytes, keeps each mode for the comparison, and exports the rows', async () => {
  const state = image();
  await state.run(state.availableModes);
  expect(state.runner.status).toBe('done');
  expect(state.runner.result!.mismatches).toBe(0);
  expect(Object.keys(state.comparison.summaries).sort()).toEqual([...state.availableModes].sort());
  expect(state.shown).toMatchObject({ mode: state.availableModes.at(-1), text: /Sobel edges on a small sample/ });
  const table = state.table!;
  expect(table.rows.map((row) => row.workers)).toEqual([1, 2]);
  expect(table.columns.map((column) => column.key)).toEqual(expect.arrayContaining(['mpPerS', 'bytesCloned']));
  expect(table.rows.every((row) => row.matches === true)).toBe(true);
});

it('WebAssembly SIMD: shared mode filters the picture in place, and the result says where the picture was', async () => {
  const state = image({ backend: 'wasm-simd', workers: '2' });
  await state.run(['copy']);
  expect(state.runner.result!.mismatches).toBe(0);
  expect(state.shown!.memoryNote).toMatch(/each band is copied into it/);
  await state.run(['shared']);
  expect(state.runner.result!.mismatches).toBe(0);
  expect(state.shown!.memoryNote).toMatch(/imported the picture's shared WebAssembly.Memory and filtered it in place/);
  // Without cross-origin isolation the backend still runs, on unshared memory, and says what is off.
  const apart = keep(new ImageState({ ...env, crossOriginIsolated: false }));
  apart.usePicture(samplePicture(61, 37), 'a small sample');
  Object.assign(apart.settings.raw, { filter: 'sharpen', backend: 'wasm', workers: '2', reps: '1', bands: '2' });
  await apart.run();
  expect(apart.runner.result!.mismatches).toBe(0);
  expect(apart.shown!.memoryNote).toMatch(/unshared memory.*not cross-origin isolated, so shared memory is off/);
});

it('a new picture cancels the run and clears the results; reset restores the defaults', async () => {
  const state = image({ filter: 'gaussian', sigma: '8' });
  state.usePicture(samplePicture(1500, 1500), 'a large sample');
  const running = state.run();
  await new Promise((resolve) => setTimeout(resolve, 30));
  state.useSample();
  expect(state.runner.status).toBe('cancelled');
  await running;
  expect(state.shown).toBeNull();
  expect(state.comparison.summaries).toEqual({});
  state.settings.raw.radius = '0';
  expect(state.ready).toBe(true); // the radius is the box blur's, not the Gaussian's
  state.settings.raw.filter = 'box';
  expect(state.ready).toBe(false);
  state.settings.reset();
  expect(state.settings.isDefault).toBe(true);
});

it('waits for another experiment, saying which', async () => {
  const other = holdLock();
  const state = image();
  await state.run();
  expect(state.runner.status).toBe('idle');
  expect(state.runner.blockedBy).toMatch(/the other test experiment is running/);
  await other.release();
});

it('on WebGPU (a software adapter here) the filter gives the same bytes as one worker, with its time split', async () => {
  const state = image({ filter: 'box', radius: '2' });
  await state.gpu.probe();
  expect(state.gpu.unavailable).toBeNull();
  expect(state.gpu.adapter?.speedNote).toMatch(/software/i);
  await state.runGpu();
  expect(state.gpu.runner.status).toBe('done');
  const result = state.gpu.runner.result!;
  expect(result.matches).toBe(true);
  const { uploadMs, dispatchMs, readbackMs, totalMs } = result.timings;
  expect(totalMs).toBeCloseTo(uploadMs + dispatchMs + readbackMs, 6);
});

it('draws the sample picture in a worker, the same bytes as on the page; a run started meanwhile waits for it', async () => {
  const state = keep(new ImageState(env));
  expect(state.picture).toBeNull(); // not drawn on the page's thread
  Object.assign(state.settings.raw, { filter: 'invert', workers: '1', reps: '1' });
  await state.run();
  expect(state.runner.status).toBe('done');
  expect(state.picture).toMatchObject({ width: 1200, height: 800 });
  expect(equalBytes(state.picture!.data, samplePicture(1200, 800).data)).toBe(true);
  expect(state.shown?.text).toMatch(/on the sample picture \(1200×800\)/);
});

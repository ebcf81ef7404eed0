import { expect, it } from 'vitest';
import { ClusterState, parseRunId, runId } from '../../../src/demos/machine/cluster.svelte';
import { workerTabUrl } from '../../../src/demos/machine/link';
import { fib } from '../../../workers/kernels/fib';
import { testEnvironment } from './support';

const env = testEnvironment();

it('names a run by its batch, so a reopened client can rebuild it', () => {
  expect(parseRunId(runId(30, 64, 16, 123))).toEqual({ n: 30, k: 64, jobs: 16 });
  expect(parseRunId('other')).toBeUndefined();
});

it('links a worker tab: the demo alone, in the worker role, of the same cluster', () => {
  const url = new URL(workerTabUrl('https://x.test/pp/?speedup.n=3#machine', 'lab-2', 2));
  expect(url.pathname).toBe('/pp/');
  expect([...url.searchParams]).toEqual([
    ['embed', 'machine'],
    ['machine.role', 'worker'],
    ['machine.cluster', 'lab-2'],
    ['machine.cores', '2'],
  ]);
  // A client that elects its broker among the tabs gives its worker tabs the same choice.
  const tab = new URL(workerTabUrl('https://x.test/pp/', 'lab-2', 2, 'tab'));
  expect(tab.searchParams.get('machine.broker')).toBe('tab');
});

it('runs a batch on simulated machines in the page, equal to the single-machine result', async () => {
  const state = new ClusterState(env);
  Object.assign(state.settings.raw, { cluster: `state-${Date.now().toString(36)}`, n: '20', k: '12', jobs: '6' });
  const leave = state.connect(String(state.settings.raw.cluster));
  try {
    await expect.poll(() => state.ready).toBe(true);
    await state.start();
    expect(state.runner.status).toBe('done');
    expect(state.runner.result?.equal).toBe(true);
    expect(state.runner.result?.result).toEqual(Array.from({ length: 12 }, () => fib(20)));
    await expect.poll(() => state.status?.states.finished).toBe(6);
    expect(state.simulatedIds).toHaveLength(2);
  } finally {
    leave();
  }
});

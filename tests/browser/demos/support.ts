import { afterEach, expect } from 'vitest';
import type { Environment } from '../../../src/environment';
import { JobRunner } from '../../../src/run/jobRunner.svelte';

/** The page's environment as the app reads it, for a state class made without the page. */
export function testEnvironment(): Environment {
  const isolated = globalThis.crossOriginIsolated === true;
  return {
    hardwareConcurrency: navigator.hardwareConcurrency || 1,
    crossOriginIsolated: isolated,
    browser: 'test browser',
    notIsolatedReason: isolated ? null : 'not isolated in this test',
  };
}

/** Another experiment holding the page's run lock until `release` is called. */
export function holdLock(label = 'the other test experiment'): { label: string; release: () => Promise<void> } {
  const other = new JobRunner<null>({ label });
  let finish!: () => void;
  const run = other.run(() => new Promise<null>((resolve) => (finish = () => resolve(null))));
  return {
    label,
    release: async () => {
      finish();
      await run;
    },
  };
}

/**
 * Keeps the demo states a test file makes and, after each test, cancels the runners `runners` names: no run
 * outlives its test. Returns the function that keeps a state (and returns it).
 */
export function cancelAfterEach<S>(runners: (state: S) => readonly { cancel(): void }[]): (state: S) => S {
  const states: S[] = [];
  afterEach(() => {
    for (const state of states.splice(0)) for (const runner of runners(state)) runner.cancel();
  });
  return (state) => {
    states.push(state);
    return state;
  };
}

/** A demo state as the run-lock test sees it. */
interface LockedState {
  runner: { blockedBy: string | null; status: string };
  run(): Promise<unknown>;
}

/**
 * While another experiment holds the run lock, the state `blocked()` returns names it and does not run (`ranNothing`
 * checks that it shows no result). Once the lock is released nothing blocks: the state `free()` returns, if given,
 * runs to the end.
 */
export async function expectRunLockBlocks<S extends LockedState>(
  blocked: () => S,
  { ranNothing, free }: { ranNothing?: (state: S) => void; free?: () => S } = {},
): Promise<void> {
  const other = holdLock();
  let state: S;
  try {
    state = blocked();
    expect(state.runner.blockedBy).toContain(`${other.label} is running`);
    await state.run();
    expect(state.runner.status).toBe('idle');
    ranNothing?.(state);
  } finally {
    await other.release();
  }
  if (free) state = free();
  expect(state.runner.blockedBy).toBeNull();
  if (!free) return;
  await state.run();
  expect(state.runner.status).toBe('done');
}

/**
 * Lets a run that has just started work for `ms`, then cancels it: its runner is running before the cancel and
 * cancelled at once after it; returns when the run has ended.
 */
export async function cancelWhileRunning(
  run: Promise<unknown>,
  runner: { readonly status: string; cancel(): void },
  ms: number,
): Promise<void> {
  expect(runner.status).toBe('running');
  await new Promise((resolve) => setTimeout(resolve, ms));
  runner.cancel();
  expect(runner.status).toBe('cancelled');
  await run;
}

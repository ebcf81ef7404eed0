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

import { SUITES } from './suites';

/**
 * The benchmark page's script: it exposes the suites to the headless browser that `npm run bench` drives. The
 * suites run here, in a real page, through the same sweep and pool code as the playground.
 */
declare global {
  interface Window {
    benchSuites: string[];
    runBenchSuite(name: string, options: Record<string, string>): ReturnType<(typeof SUITES)[string]>;
  }
}

window.benchSuites = Object.keys(SUITES);
window.runBenchSuite = (name, options) => {
  const suite = SUITES[name];
  if (!suite) throw new Error(`unknown suite "${name}"; known: ${Object.keys(SUITES).join(', ')}`);
  return suite(options);
};
document.body.dataset.ready = 'true';

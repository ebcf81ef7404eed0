/**
 * Prints one line, "N passed, N failed", summing every suite's JSON report (Vitest's and Playwright's). A gate
 * that failed before the suites ran (format, lint, types) counts as one failure, so a red run never reads 0 failed.
 *
 * Usage: tsx scripts/test-summary.ts <exit code of npm test>
 */
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (counts: Counts) => {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
};

function read(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const vitest = read('test-results/vitest.json') as
  { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
if (vitest) {
  add({
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests,
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  });
}

const playwright = read('test-results/playwright.json') as
  { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
if (playwright) {
  const { expected, unexpected, flaky, skipped } = playwright.stats;
  add({ passed: expected + flaky, failed: unexpected, skipped });
}

const exitCode = Number(process.argv[2] ?? 0);
if (exitCode !== 0 && total.failed === 0) total.failed = 1;
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);

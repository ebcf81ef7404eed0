/**
 * npm run bench [-- --tasks sum,fib,overhead,startup --reps 5 --sum-n 1e9 --fib-n 32 --fib-k 16 --out FILE --no-build]
 *
 * Builds the app, serves it with COOP/COEP (vite preview), drives headless Chromium through the benchmark page,
 * prints a table per task and writes the same figures as JSON. Every `--key value` is passed to the suites.
 * A figure that has a value from the previous run in the output file is printed beside it, so regressions show.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { build, preview } from 'vite';
import type { BenchRecord } from '../bench/record.ts';
import { KERNEL_NAMES, nativeKernels } from './benchNative.ts';
import { startupSuite } from './benchStartup.ts';
import { chromiumArgs, chromiumExecutable, webgpuArgs } from './chromium.ts';

const { values: options, tokens } = parseArgs({
  options: {
    tasks: { type: 'string' },
    out: { type: 'string', default: 'bench-results.json' },
    'no-build': { type: 'boolean' },
  },
  strict: false,
  tokens: true,
});
const suiteOptions: Record<string, string> = {};
// Without strict parsing, `--reps 5` arrives as a bare option followed by a positional "5": pair them up.
const list = tokens ?? [];
list.forEach((token, index) => {
  if (token.kind !== 'option') return;
  const next = list[index + 1];
  const value = typeof token.value === 'string' ? token.value : next?.kind === 'positional' ? next.value : undefined;
  if (value !== undefined) suiteOptions[token.name] = value;
});
const outFile = String(options.out);
const previous: BenchRecord[] = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : [];

if (!options['no-build']) await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 4399, strictPort: false }, logLevel: 'warn' });
const baseUrl = server.resolvedUrls?.local[0];
if (!baseUrl) throw new Error('vite preview did not report a URL');

// WebGPU on: the kernels suite's webgpu rows need an adapter (headless Linux offers SwiftShader, marked as a fallback).
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, ...webgpuArgs] });
const records: BenchRecord[] = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  // A suite's warnings (a skipped part and why) are part of the output.
  page.on('console', (message) => {
    if (message.type() === 'warning') console.warn('page:', message.text());
  });
  await page.goto(new URL('bench.html', baseUrl).href);
  await page.waitForSelector('body[data-ready="true"]');
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // The start-up suite drives pages of the app itself from here; the others run inside the benchmark page.
  const known = [...(await page.evaluate(() => window.benchSuites)), 'startup'];
  const wanted = typeof options.tasks === 'string' ? options.tasks.split(',') : known;
  // The load average says how far the figures can be trusted: these machines are shared.
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  console.log(`Chromium ${browser.version()}, ${cores} cores, cross-origin isolated: ${isolated}, load ${load}\n`);
  for (const name of wanted) {
    const started = Date.now();
    const run = (opts: Record<string, string>) =>
      page.evaluate(([suite, o]) => window.runBenchSuite(suite, o), [name, opts] as const);
    const rows: BenchRecord[] = [];
    if (name === 'kernels') {
      // One kernel at a time, its native C run straight after its browser runs: on a shared machine the load
      // drifts over minutes, and a ratio is only fair between figures measured close together.
      for (const kernel of suiteOptions['kernels']?.split(',') ?? KERNEL_NAMES) {
        const kernelRows = await run({ ...suiteOptions, kernels: kernel });
        rows.push(...kernelRows, ...nativeKernels(kernelRows, suiteOptions));
      }
    } else if (name === 'startup') rows.push(...(await startupSuite(browser, baseUrl, suiteOptions)));
    else rows.push(...(await run(suiteOptions)));
    records.push(...rows);
    printTable(name, rows, previous);
    const after = loadavg()[0]!.toFixed(2);
    console.log(`(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s, load average now ${after})\n`);
  }
} finally {
  await browser.close();
  await server.close();
}
writeFileSync(outFile, JSON.stringify(records, null, 2) + '\n');
console.log(`Wrote ${records.length} records to ${outFile}`);

/** Identifies a row across runs: its task, workers and string details (mode, schedule…). */
function keyOf(record: BenchRecord): string {
  const details = Object.entries(record)
    .filter(([key, value]) => typeof value === 'string' && key !== 'task')
    .sort()
    .map(([key, value]) => `${key}=${value}`);
  return [record.task, record.workers, ...details].join('|');
}

function printTable(suite: string, rows: BenchRecord[], before: BenchRecord[]): void {
  const previousByKey = new Map(before.map((record) => [keyOf(record), record]));
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  // A suite's rows may have different detail keys (spawn rows have no size): a missing one is an empty cell.
  const cell = (value: unknown) =>
    typeof value === 'number'
      ? Number.isNaN(value)
        ? '—'
        : Number(value.toPrecision(4)).toString()
      : value === undefined
        ? ''
        : String(value);
  const table = rows.map((row) => {
    const old = previousByKey.get(keyOf(row));
    return Object.fromEntries(
      columns.map((column) => {
        const value = row[column];
        const was = old?.[column];
        const changed = typeof value === 'number' && typeof was === 'number' && column !== 'workers' && was !== value;
        return [column, changed ? `${cell(value)} (was ${cell(was)})` : cell(value)];
      }),
    );
  });
  console.log(`## ${suite}`);
  console.table(table);
}

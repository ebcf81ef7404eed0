/**
 * The start-up suite of `npm run bench -- --tasks startup` (issue 10): opens the built app in fresh browser contexts,
 * as a first visitor would, and measures
 * - the longest main-thread task from navigation until the page has settled (a Chromium trace's RunTask events on
 *   the renderer's main thread: exact, unlike the Long Tasks API, which hides everything under 50 ms);
 * - the time until the first demo is interactive (its Run button enabled), from navigation start;
 * - the JavaScript the page loaded before any interaction: the files fetched by the time the first demo was
 *   interactive and the sum of their gzip sizes (`jsKB`); all it fetched until it settled without scrolling (the
 *   demos near the first screen and what loads after start-up: `settledJsKB`); the workers' scripts apart
 *   (`workerJsKB`).
 * For the full page and for an embed (`?embed=speedup`), each `--startup-reps` times (default 3), medians reported.
 * `--cpu-slowdown 4` emulates a slower machine (DevTools' CPU throttling).
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright';
import type { BenchRecord } from '../bench/record.ts';
import { median } from '../src/measure/stats.ts';

/** The targets of issue 10 on a 2-core machine. */
export const STARTUP_TARGETS = { longestTaskMs: 100, embedJsKB: 40, fullJsKB: 60 } as const;

const PAGES = [
  { page: 'full', path: './', demo: 'speedup', targetKB: STARTUP_TARGETS.fullJsKB },
  { page: 'embed', path: './?embed=speedup', demo: 'speedup', targetKB: STARTUP_TARGETS.embedJsKB },
] as const;

/** After the first demo is interactive, the page counts as settled once the network has been idle this long. */
const SETTLE_MS = 1000;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** The longest RunTask on any renderer main thread, in ms, from a Chromium trace. */
export function longestMainThreadTask(events: readonly TraceEvent[]): { longestMs: number; over50: number } {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const tasks = events
    .filter((event) => event.name === 'RunTask' && event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`))
    .map((event) => (event.dur ?? 0) / 1000);
  return { longestMs: Math.max(0, ...tasks), over50: tasks.filter((ms) => ms > 50).length };
}

interface Visit {
  longestTaskMs: number;
  longTasks: number;
  interactiveMs: number;
  jsKB: number;
  jsFiles: number;
  settledJsKB: number;
  workerJsKB: number;
}

async function visit(browser: Browser, url: string, demo: string, cpuSlowdown: number): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    // Gzip sizes of the JavaScript files the page fetched, by URL; the workers' own scripts are counted apart.
    const sizes = new Map<string, Promise<number>>();
    page.on('response', (response) => {
      if (!new URL(response.url()).pathname.endsWith('.js')) return;
      sizes.set(
        response.url(),
        response.body().then(
          (body) => gzipSync(body).length,
          () => 0, // a redirect or a response without a body
        ),
      );
    });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const run = `[data-demo="${demo}"] button[type="submit"]`;
    const interactiveMs = await (
      await page.waitForFunction(
        (selector) => {
          const button = document.querySelector<HTMLButtonElement>(selector);
          return button && !button.disabled ? performance.now() : false;
        },
        run,
        { polling: 'raf', timeout: 60_000 },
      )
    ).jsonValue();
    // What the first demo needed: everything fetched by the time it was interactive.
    const initial = [...sizes.keys()];
    await settle(page);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const { longestMs, over50 } = longestMainThreadTask(trace.traceEvents);
    const isWorker = (url: string) => /(\.worker|\/sw)[-.][^/]*$/.test(new URL(url).pathname);
    const kb = async (urls: string[]) =>
      (await Promise.all(urls.map((url) => sizes.get(url)!))).reduce((a, b) => a + b, 0) / 1024;
    const pageScripts = (urls: string[]) => urls.filter((url) => !isWorker(url));
    return {
      longestTaskMs: longestMs,
      longTasks: over50,
      interactiveMs: Number(interactiveMs),
      jsKB: await kb(pageScripts(initial)),
      jsFiles: pageScripts(initial).length,
      settledJsKB: await kb(pageScripts([...sizes.keys()])),
      workerJsKB: await kb([...sizes.keys()].filter(isWorker)),
    };
  } finally {
    await context.close();
  }
}

/** Waits until no request has been in flight for SETTLE_MS (the page's lazy parts that load by themselves). */
async function settle(page: Page): Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  while (inFlight > 0 || Date.now() - lastChange < SETTLE_MS) await page.waitForTimeout(100);
}

export async function startupSuite(
  browser: Browser,
  baseUrl: string,
  options: Record<string, string>,
): Promise<BenchRecord[]> {
  const reps = Number(options['startup-reps'] ?? 3);
  const cpuSlowdown = Number(options['cpu-slowdown'] ?? 1);
  const records: BenchRecord[] = [];
  for (const { page, path, demo, targetKB } of PAGES) {
    const visits: Visit[] = [];
    for (let rep = 0; rep < reps; rep++)
      visits.push(await visit(browser, new URL(path, baseUrl).href, demo, cpuSlowdown));
    const mid = (key: keyof Visit) => median(visits.map((one) => one[key]));
    const longestTaskMs = mid('longestTaskMs');
    const jsKB = mid('jsKB');
    records.push({
      task: 'startup',
      page,
      workers: 0,
      medianMs: mid('interactiveMs'),
      speedup: Number.NaN,
      efficiency: Number.NaN,
      cpuSlowdown,
      interactiveMs: mid('interactiveMs'),
      longestTaskMs,
      worstLongestTaskMs: Math.max(...visits.map((one) => one.longestTaskMs)),
      longTasks: mid('longTasks'),
      jsKB,
      jsFiles: mid('jsFiles'),
      settledJsKB: mid('settledJsKB'),
      workerJsKB: mid('workerJsKB'),
      taskTargetMet: longestTaskMs <= STARTUP_TARGETS.longestTaskMs,
      jsTargetKB: targetKB,
      jsTargetMet: jsKB <= targetKB,
    });
  }
  return records;
}

import { calibrationFrom, parseCalibration, type Calibration, type FibProbe, type SumProbe } from './calibrate';

/** The probe's result, kept for the tab's session: reloads and embeds on the page reuse it. */
const STORAGE_KEY = 'parallel-playground:calibration';
/** A probe that has not answered by then (a machine far too busy, workers refused) gives the static defaults. */
const PROBE_TIMEOUT_MS = 5000;

let once: Promise<Calibration | null> | null = null;

/**
 * This machine's calibration, measured once per visit by a probe in a worker (a fraction of a second), or null
 * where workers are unavailable. Later calls share the first one's answer.
 */
export function calibrate(): Promise<Calibration | null> {
  once ??= measure();
  return once;
}

async function measure(): Promise<Calibration | null> {
  const stored = parseCalibration(read());
  if (stored) return stored;
  if (typeof Worker === 'undefined') return null;
  await pageIdle();
  const worker = new Worker(new URL('../../workers/calibrate.worker.ts', import.meta.url), { type: 'module' });
  try {
    const probes = await new Promise<{ fib: FibProbe; sum: SumProbe } | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), PROBE_TIMEOUT_MS);
      worker.onmessage = (event: MessageEvent<{ fib: FibProbe; sum: SumProbe }>) => {
        clearTimeout(timer);
        resolve(event.data);
      };
      worker.onerror = () => {
        clearTimeout(timer);
        resolve(null);
      };
      worker.postMessage('probe');
    });
    if (!probes) return null;
    write(JSON.stringify({ probe: probes.fib, sumProbe: probes.sum }));
    return calibrationFrom(probes.fib, probes.sum);
  } finally {
    worker.terminate();
  }
}

/**
 * The probe times wall-clock time: started while the page is still loading and mounting its demos, on a 2-core
 * machine it shares the cores with that work and measured up to 6× too slow. It waits for an idle moment (at most
 * a second) first.
 */
function pageIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 200);
  });
}

function read(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (a sandboxed frame, some private windows): probe again
  }
}

function write(json: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, json);
  } catch {
    // Not kept: the next visit probes again.
  }
}

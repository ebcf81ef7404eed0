import type { Parsed } from '../tasks/validate';

/**
 * Reads the worker counts to try, written as a list and ranges: "1-4", "1, 2, 4, 8", "1-3, 6". Counts above the
 * core count are refused unless oversubscription is allowed, which raises the limit to twice the cores.
 */
export function parseWorkerCounts(raw: string, cores: number, oversubscribe: boolean): Parsed<number[]> {
  const max = oversubscribe ? 2 * cores : cores;
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'Pick at least one worker count, e.g. 1-' + cores };
  const counts = new Set<number>();
  for (const part of text.split(/\s*,\s*/)) {
    const match = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(part);
    if (!match) return { ok: false, error: `"${part}" is not a worker count or a range like 1-${cores}` };
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < 1) return { ok: false, error: 'A sweep needs at least one worker: 0 is not a count' };
    if (to < from) return { ok: false, error: `The range ${part} runs backwards` };
    if (to > max) {
      return {
        ok: false,
        error: oversubscribe
          ? `At most ${max} workers (twice the ${cores} cores)`
          : `At most ${cores} workers (the cores reported); allow oversubscription to go up to ${2 * cores}`,
      };
    }
    for (let p = from; p <= to; p++) counts.add(p);
  }
  return { ok: true, value: [...counts].sort((a, b) => a - b) };
}

/** The default sweep: every count from 1 to the cores, or powers of two (and the cores) where there are many. */
export function defaultWorkerCounts(cores: number): string {
  if (cores <= 8) return cores === 1 ? '1' : `1-${cores}`;
  const counts = [];
  for (let p = 1; p < cores; p *= 2) counts.push(p);
  return [...counts, cores].join(', ');
}

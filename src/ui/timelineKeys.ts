import type { TraceEvent } from '../pool';

/** The part of a trace event that keyboard moves need: its lane and when it started computing. */
type Bar = Pick<TraceEvent, 'worker' | 'startedAt'>;

/** The keys that move the focus between a timeline's bars (everything else is left to the browser). */
export const BAR_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;

const byStart = <T extends Bar>(a: T, b: T) => a.startedAt - b.startedAt;

/**
 * The bar a key moves to from `from`, or `from` itself at an edge. The timeline is one Tab stop: Left and Right
 * step through the bars of one worker's lane in time order, Up and Down move to the lane above or below (to its bar
 * that started nearest in time), Home and End go to the first and the last bar of the whole run. Lanes without bars
 * are skipped. Unknown keys return null.
 */
export function barAfterKey<T extends Bar>(bars: readonly T[], from: T, key: string): T | null {
  if (!(BAR_KEYS as readonly string[]).includes(key)) return null;
  if (bars.length === 0) return null;
  const all = [...bars].sort(byStart);
  if (key === 'Home') return all[0]!;
  if (key === 'End') return all[all.length - 1]!;

  const lane = all.filter((bar) => bar.worker === from.worker);
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const at = lane.indexOf(from);
    const next = lane[at + (key === 'ArrowRight' ? 1 : -1)];
    return next ?? from;
  }

  const workers = [...new Set(all.map((bar) => bar.worker))].sort((a, b) => a - b);
  const laneAt = workers.indexOf(from.worker);
  const target = workers[laneAt + (key === 'ArrowDown' ? 1 : -1)];
  if (target === undefined) return from;
  let nearest = from;
  let distance = Infinity;
  for (const bar of all) {
    if (bar.worker !== target) continue;
    const d = Math.abs(bar.startedAt - from.startedAt);
    if (d < distance) [nearest, distance] = [bar, d];
  }
  return nearest;
}

import type { TraceEvent } from '../pool';

/** A chunk's fill when coloured by chunk: hues a golden angle apart, so neighbours never look alike. */
export function chunkColour(chunk: number): string {
  return `hsl(${(chunk * 137.508) % 360} 65% 55%)`;
}

/**
 * The number of chunks waiting in the queue over time, as steps: each chunk waits from being queued until it is
 * handed to a worker. Returns [time, count] points where the count changes, in time order.
 */
export function queueSteps(events: readonly TraceEvent[]): [number, number][] {
  const changes: [number, number][] = [];
  for (const event of events) changes.push([event.queuedAt, 1], [event.dispatchedAt, -1]);
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const steps: [number, number][] = [];
  let count = 0;
  for (const [time, delta] of changes) {
    count += delta;
    if (steps.length && steps[steps.length - 1]![0] === time) steps[steps.length - 1]![1] = count;
    else steps.push([time, count]);
  }
  return steps;
}

export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

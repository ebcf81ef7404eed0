import type { TraceEvent } from '../pool';
import { ms } from './timelineScale';

/** How the timeline names what it draws: a chunk by what it holds, a lane by who ran it. */
export interface TimelineNames {
  chunkLabel: (chunk: number) => string;
  laneName: (lane: number) => string;
}

/** One bar in words, for its label and the details line; times from the run's start (`startAt`). */
export function describeBar(event: TraceEvent, startAt: number, { chunkLabel, laneName }: TimelineNames): string {
  const where = `${chunkLabel(event.chunk)} on ${laneName(event.worker)}`;
  const waited = ms(event.dispatchedAt - event.queuedAt);
  if (event.status !== 'done') {
    const what = event.status === 'timed-out' ? 'ran past its time limit' : 'failed';
    return (
      `${where}: ${what} after ${ms(event.settledAt - event.dispatchedAt)} ms in the worker, which was terminated ` +
      `and replaced; it had waited ${waited} ms in the queue`
    );
  }
  return (
    `${where}: waited ${waited} ms in the queue, data in ${ms(event.startedAt - event.dispatchedAt)} ms, computed ` +
    `${ms(event.finishedAt - event.startedAt)} ms, result back ${ms(event.settledAt - event.finishedAt)} ms; ran from ` +
    `${ms(event.startedAt - startAt)} to ${ms(event.finishedAt - startAt)} ms`
  );
}

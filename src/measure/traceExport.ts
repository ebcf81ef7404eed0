import type { TraceEvent } from '../pool';
import { heldEvents } from './timeline';

/**
 * A run's trace in the Chrome trace-event format (the JSON object form), which Perfetto (ui.perfetto.dev) and
 * chrome://tracing open: https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
 * One process (the pool), one thread per worker, and one complete event ("ph": "X") per chunk spanning its
 * computation; the waiting and the data movement around it are in the event's args. Times are microseconds. A chunk
 * that timed out or failed in its worker is kept, named so, spanning the time it held the worker.
 */
export interface ChromeTraceEvent {
  name: string;
  ph: 'X' | 'M';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  args: Record<string, string | number>;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, string>;
}

const PID = 1;
const us = (ms: number) => Math.round(ms * 1000);

export function toChromeTrace(
  trace: readonly TraceEvent[],
  workers: number,
  title: string,
  laneName: (lane: number) => string = (lane) => `worker ${lane}`,
): ChromeTrace {
  const events = heldEvents(trace);
  const origin = Math.min(...events.map((event) => event.queuedAt));
  const metadata: ChromeTraceEvent[] = [
    { name: 'process_name', ph: 'M', pid: PID, tid: 0, args: { name: `pool (${title})` } },
    ...Array.from({ length: workers }, (_, worker) => ({
      name: 'thread_name',
      ph: 'M' as const,
      pid: PID,
      tid: worker,
      args: { name: laneName(worker) },
    })),
  ];
  const chunks = [...events]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((event): ChromeTraceEvent => ({
      name: event.status === 'done' ? `chunk ${event.chunk}` : `chunk ${event.chunk} (${event.status})`,
      cat: event.kernel,
      ph: 'X',
      pid: PID,
      tid: event.worker,
      ts: us(event.startedAt - origin),
      dur: Math.max(1, us(event.finishedAt - event.startedAt)),
      args: {
        chunk: event.chunk,
        status: event.status,
        waitingMs: round(event.dispatchedAt - event.queuedAt),
        dataInMs: round(event.startedAt - event.dispatchedAt),
        computingMs: round(event.finishedAt - event.startedAt),
        dataOutMs: round(event.settledAt - event.finishedAt),
      },
    }));
  return { traceEvents: [...metadata, ...chunks], displayTimeUnit: 'ms', otherData: { title } };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

import { THROUGHPUT_WINDOW_MS, type Broker } from './broker';
import type { Monitor, RunStatus } from './protocol';

/** How many timeline entries and events a monitor message carries: the newest, enough for the charts. */
const MONITOR_TIMELINE = 500;
const MONITOR_EVENTS = 50;

/**
 * What Flower would show, from the broker's state: per machine its cores, jobs done / failed / in flight, heartbeat
 * time and throughput; per run the jobs in each state, the retried ones and the duplicate executions; the counters,
 * the newest events and the timeline.
 */
export function buildMonitor(broker: Broker, at: number, host: Monitor['broker']): Monitor {
  const inFlight = new Map<string, number>();
  const runs = new Map<string, RunStatus>();
  for (const job of broker.jobs()) {
    let run = runs.get(job.run);
    if (!run) {
      run = {
        run: job.run,
        total: 0,
        states: { queued: 0, started: 0, finished: 0, failed: 0 },
        duplicates: 0,
        retried: 0,
      };
      runs.set(job.run, run);
    }
    run.total++;
    run.states[job.state]++;
    run.duplicates += Math.max(0, job.executions - 1);
    if (job.attempts > 1) run.retried++;
    if (job.state === 'started' && job.machine !== undefined)
      inFlight.set(job.machine, (inFlight.get(job.machine) ?? 0) + 1);
  }
  return {
    broker: host,
    at,
    config: { ...broker.config },
    counters: { ...broker.counters },
    runs: [...runs.values()],
    machines: broker.machines().map((machine) => ({
      ...machine,
      recent: [],
      inFlight: inFlight.get(machine.id) ?? 0,
      throughput: machine.recent.filter((t) => at - t <= THROUGHPUT_WINDOW_MS).length / (THROUGHPUT_WINDOW_MS / 1000),
    })),
    events: broker.events().slice(-MONITOR_EVENTS),
    timeline: broker.timeline().slice(-MONITOR_TIMELINE),
  };
}

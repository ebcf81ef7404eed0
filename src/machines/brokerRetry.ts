import type { BrokerLog } from './brokerLog';
import { startOf, type Counters } from './brokerTypes';
import type { JobStore } from './jobStore';
import type { BrokerConfig, JobRecord } from './types';

/** What the broker's helpers read and change: the broker's config, counters, jobs and log. */
export interface BrokerContext {
  config: BrokerConfig;
  counters: Counters;
  store: JobStore;
  log: BrokerLog;
}

/**
 * The current attempt is over without a result. With retries left the job goes back to the queue: at the front at
 * once when its machine vanished (the job did nothing wrong), after an exponential backoff when it raised or ran
 * too long. Without, it lands in the failed list with its errors.
 */
export function attemptFailed(
  { config, counters, store, log }: BrokerContext,
  job: JobRecord,
  outcome: 'error' | 'lease expired' | 'time limit',
  error: string,
  now: number,
): 'retry' | 'failed' {
  const machine = job.machine;
  store.started.delete(job.id);
  if (machine !== undefined) {
    log.entry({ job: job.id, attempt: job.attempts, machine, start: startOf(job), end: now, outcome });
  }
  if (outcome === 'lease expired') {
    counters.leaseExpiries++;
    log.event(now, 'lease expired', error, machine, job.id);
  } else if (outcome === 'time limit') {
    log.event(now, 'time limit', error, machine, job.id);
  }
  job.errors.push(`attempt ${job.attempts}: ${error}`);
  job.machine = undefined;
  job.leaseUntil = Number.NaN;
  if (job.attempts > config.maxRetries) {
    job.state = 'failed';
    job.finishedAt = now;
    log.event(now, 'failed for good', `after ${job.attempts} attempts: ${error}`, machine, job.id);
    return 'failed';
  }
  job.state = 'queued';
  counters.retries++;
  if (outcome === 'lease expired') {
    job.notBefore = now;
  } else {
    job.notBefore = now + Math.min(config.backoffMs * 2 ** (job.attempts - 1), config.maxBackoffMs);
  }
  store.requeue(job.id, outcome === 'lease expired');
  const wait = job.notBefore > now ? ` after ${job.notBefore - now} ms` : '';
  log.event(now, 'retry', `attempt ${job.attempts + 1} queued${wait}`, machine, job.id);
  return 'retry';
}

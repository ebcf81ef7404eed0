import type { BrokerContext } from './brokerRetry';
import { startOf, type MachineRecord } from './brokerTypes';
import type { JobRecord, MachineId } from './types';

/**
 * A result arrived. The first result of a job is kept, whichever attempt sent it (a late result from an expired
 * lease is still a right answer); every later one is a duplicate execution, counted and dropped.
 */
export function recordResult(
  { counters, store, log }: BrokerContext,
  job: JobRecord,
  machineId: MachineId,
  machine: MachineRecord | undefined,
  attempt: number,
  value: unknown,
  now: number,
): 'recorded' | 'duplicate' {
  const jobId = job.id;
  job.executions++;
  const start = job.machine === machineId && job.attempts === attempt ? startOf(job) : Number.NaN;
  if (job.state === 'finished') {
    counters.duplicates++;
    if (machine) machine.duplicates++;
    log.entry({ job: jobId, attempt, machine: machineId, start, end: now, outcome: 'duplicate' });
    log.event(
      now,
      'duplicate',
      `attempt ${attempt} ran again after the result was in; recorded once`,
      machineId,
      jobId,
    );
    return 'duplicate';
  }
  if (job.attempts !== attempt || job.machine !== machineId || job.state !== 'started') {
    log.event(
      now,
      'late result',
      `attempt ${attempt} finished after its lease was given up; result kept`,
      machineId,
      jobId,
    );
  }
  store.started.delete(jobId);
  job.state = 'finished';
  job.value = value;
  job.finishedAt = now;
  job.machine = machineId;
  if (machine) {
    machine.done++;
    machine.recent.push(now);
  }
  log.entry({ job: jobId, attempt, machine: machineId, start, end: now, outcome: 'done' });
  return 'recorded';
}

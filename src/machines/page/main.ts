import type { Job } from '../../../workers/kernels';
import type { RunResult } from '../client';
import { startClient, startMachine } from '../session';
import { readMachinesQuery } from './query';

/**
 * A bare page for the end-to-end tests of `src/machines`, with no UI framework: every tab starts the cluster's broker
 * (the shared worker, or with `broker=tab` stands in line for it itself); a client tab enqueues, a machine tab runs jobs on its own pool. Playwright drives it through `window.machines`.
 */
const query = readMachinesQuery(location.search);
const status = document.querySelector('#status') as HTMLElement;

if (!query.ok) {
  status.textContent = `Bad link: ${query.errors.join('; ')}`;
} else {
  const { role, cluster, cores, config, broker: choice } = query.value;
  const session =
    role === 'client'
      ? startClient({ cluster, config, broker: choice })
      : startMachine({ cluster, cores, config, broker: choice });
  const { broker } = session;
  const client = 'client' in session ? session.client : undefined;
  const machine = 'machine' in session ? session.machine : undefined;

  const show = () => {
    const lines = [`${role} of cluster ${cluster}${broker.hosting ? ` — its ${broker.place} hosts the broker` : ''}`];
    if (machine) {
      const view = machine.view();
      lines.push(
        `${view.label}: ${view.status}, ${view.done} done, ${view.failed} failed, ${view.running.length} running`,
      );
      if (view.status === 'waiting for a broker') {
        lines.push(
          `Waiting for a client of cluster ${cluster} to open the queue${view.otherClusters.length > 0 ? ` (heard other clusters: ${view.otherClusters.join(', ')} — is this link stale?)` : ''}.`,
        );
      }
    }
    const monitor = client?.monitor;
    if (monitor) for (const run of monitor.runs) lines.push(`run ${run.run}: ${JSON.stringify(run.states)}`);
    status.textContent = lines.join('\n');
  };
  setInterval(show, 250);

  Object.assign(window, {
    machines: {
      role,
      broker,
      machine,
      client,
      /** Enqueues `count` fib jobs (n from `n`, one number per job) as run `run`; resolves with the result backend's answer. */
      fibRun: (run: string, ns: number[], timeoutMs = 30_000): Promise<RunResult> => {
        if (!client) throw new Error('not a client page');
        const jobs: Job[] = ns.map((n) => ({ kernel: 'fibBatch', args: [[n]] }));
        return client.run(run, jobs, { timeoutMs });
      },
      monitor: () => client?.monitor,
    },
  });
}

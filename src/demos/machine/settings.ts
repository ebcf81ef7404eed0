import { choice, decimal, integer, text } from '../../settings';
import { MAX_FIB_BATCH } from '../../tasks/fib';
import { CONFIG_BOUNDS } from '../../machines/types';
import type { Environment } from '../../environment';

/** A cluster's name in links and storage: short, plain, so a stale or foreign one is easy to read back. */
function parseCluster(raw: string) {
  const value = raw.trim();
  return /^[A-Za-z0-9-]{1,40}$/.test(value)
    ? { ok: true as const, value }
    : { ok: false as const, error: 'cluster must be 1 to 40 letters, digits or dashes' };
}

const ROLES = [
  { value: 'client', label: 'the client: it enqueues jobs and watches the broker' },
  { value: 'worker', label: 'a worker machine: it runs jobs' },
] as const;

const BROKER_PLACES = [
  { value: 'shared', label: 'a shared worker, where the browser has one' },
  { value: 'tab', label: 'one tab, elected with a Web Lock' },
] as const;

/**
 * The Machines part of the demo: which role this tab plays, the batch, the machines and the broker's promises.
 * A worker tab is opened with `role=worker` in its link (the "Add a machine" button); `broker=tab` in a link makes the
 * tabs elect the broker among themselves, as where there is no `SharedWorker`.
 */
export function machineSchema(cores: number) {
  return {
    role: choice({ label: 'This tab is', options: ROLES, default: 'client' }),
    cluster: text({ label: 'Cluster', default: 'lab', parse: parseCluster }),
    // Link-only (`machine.broker=tab`, not in the form): shows the fallback where a shared worker would be used.
    broker: choice({ label: 'The broker runs in', options: BROKER_PLACES, default: 'shared' }),
    n: integer({ label: 'n', min: 0, max: 42, default: 30, help: '0 to 42; fib(n) per call' }),
    k: integer({ label: 'k (calls)', min: 1, max: MAX_FIB_BATCH, default: 64 }),
    jobs: integer({
      label: 'jobs',
      step: 'double',
      min: 1,
      max: 256,
      default: 16,
      help: 'the batch cut into this many queue jobs',
    }),
    cores: integer({ label: 'cores per machine', min: 1, max: Math.max(1, cores), default: 1 }),
    simulated: integer({ label: 'simulated machines in this page', min: 0, max: 4, default: 2 }),
    lease: integer({ label: 'lease', unit: 'ms', ...bounds('leaseMs'), default: 4000 }),
    retries: integer({ label: 'maximum retries', ...bounds('maxRetries'), default: 3 }),
    timeLimit: integer({ label: 'time limit', unit: 'ms', ...bounds('timeLimitMs'), default: 30_000 }),
    latency: integer({
      label: 'network latency',
      unit: 'ms',
      min: 0,
      max: 2000,
      default: 0,
      help: '0 to 2,000, each way, to the simulated machines',
    }),
    bandwidth: integer({
      label: 'network bandwidth',
      unit: 'kB/s',
      min: 0,
      max: 1_000_000,
      default: 0,
      help: '0 (no limit) or 1 to 1,000,000',
    }),
    loss: decimal({
      label: 'message loss',
      min: 0,
      max: 0.5,
      default: 0,
      help: '0 to 0.5: the share of messages lost',
    }),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = (env: Environment) => machineSchema(env.hardwareConcurrency);

function bounds(key: keyof typeof CONFIG_BOUNDS) {
  return { min: CONFIG_BOUNDS[key].min, max: CONFIG_BOUNDS[key].max };
}

export type MachineSchema = ReturnType<typeof machineSchema>;

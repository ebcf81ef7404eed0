import type { BrokerChoice } from '../brokerLaunch';
import { validateConfig, type BrokerConfig } from '../types';

export interface MachinesQuery {
  role: 'client' | 'machine';
  cluster: string;
  cores: number | undefined;
  /** `broker=tab` hosts the broker in the tabs (the Web Lock election) even where a shared worker could. */
  broker: BrokerChoice | undefined;
  config: Partial<BrokerConfig>;
}

const CONFIG_KEYS: Record<string, keyof BrokerConfig> = {
  lease: 'leaseMs',
  retries: 'maxRetries',
  backoff: 'backoffMs',
  timeLimit: 'timeLimitMs',
};

/**
 * Reads a machines link: `role=client|machine`, `cluster` (letters, digits, dashes), `cores` (1–64),
 * `broker=shared|tab` (where the broker runs; the shared worker where there is one by default), and broker
 * settings `lease`, `retries`, `backoff`, `timeLimit`. Every bad value is named, none silently replaced.
 */
export function readMachinesQuery(
  search: string,
): { ok: true; value: MachinesQuery } | { ok: false; errors: string[] } {
  const params = new URLSearchParams(search);
  const errors: string[] = [];
  const role = params.get('role') ?? 'machine';
  if (role !== 'client' && role !== 'machine') errors.push(`role must be client or machine, got "${role}"`);
  const cluster = params.get('cluster') ?? 'default';
  if (!/^[A-Za-z0-9-]{1,40}$/.test(cluster)) errors.push('cluster must be 1–40 letters, digits or dashes');
  let cores: number | undefined;
  const rawCores = params.get('cores');
  if (rawCores !== null) {
    cores = Number(rawCores);
    if (!Number.isInteger(cores) || cores < 1 || cores > 64) errors.push('cores must be a whole number from 1 to 64');
  }
  const rawBroker = params.get('broker');
  if (rawBroker !== null && rawBroker !== 'shared' && rawBroker !== 'tab')
    errors.push(`broker must be shared or tab, got "${rawBroker}"`);
  const broker: BrokerChoice | undefined =
    rawBroker === 'tab' ? 'tab' : rawBroker === 'shared' ? 'shared worker' : undefined;
  const partial: Partial<Record<keyof BrokerConfig, unknown>> = {};
  for (const [name, key] of Object.entries(CONFIG_KEYS)) {
    const raw = params.get(name);
    if (raw !== null) partial[key] = raw.trim() === '' ? Number.NaN : Number(raw);
  }
  const checked = validateConfig(partial);
  if (!checked.ok) errors.push(...Object.values(checked.errors));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      role: role as MachinesQuery['role'],
      cluster,
      cores,
      broker,
      config: checked.ok ? pickGiven(checked.config, partial) : {},
    },
  };
}

/** Only the settings the link gave: the rest come from the stored cluster or the defaults. */
function pickGiven(config: BrokerConfig, given: Partial<Record<keyof BrokerConfig, unknown>>): Partial<BrokerConfig> {
  return Object.fromEntries(Object.keys(given).map((key) => [key, config[key as keyof BrokerConfig]]));
}

/**
 * Every demo, in page order. Adding a demo is one folder under src/demos and one entry here: its id, and where its
 * meta, its settings schema and its view are. Each is loaded on demand, its own chunk: an embed loads only its own
 * demo; the full page every demo's meta (for its navigation), a demo's schema when a link names its settings or its
 * view loads, and a view as it nears the viewport.
 */
import type { Environment } from '../environment';
import type { Schema } from '../settings';
import type { Demo, DemoEntry } from './demo';

const cores = (env: Environment) => env.hardwareConcurrency;

export const DEMOS: readonly DemoEntry[] = [
  {
    id: 'speedup',
    meta: () => import('./speedup/meta'),
    schema: async (env) => (await import('./speedup/settings')).speedupSchema(cores(env)),
    load: () => import('./speedup/View.svelte'),
  },
  {
    id: 'kernel-or-cores',
    meta: () => import('./kernel-or-cores/meta'),
    schema: async (env) => (await import('./kernel-or-cores/settings')).kernelOrCoresSchema(cores(env)),
    load: () => import('./kernel-or-cores/View.svelte'),
  },
  {
    id: 'image',
    meta: () => import('./image/meta'),
    schema: async (env) => (await import('./image/settings')).imageSchema(cores(env), env.crossOriginIsolated),
    load: () => import('./image/View.svelte'),
  },
  {
    id: 'array-sum',
    meta: () => import('./array-sum/meta'),
    schema: async (env) => (await import('./array-sum/settings')).arraySumSchema(cores(env), env.crossOriginIsolated),
    load: () => import('./array-sum/View.svelte'),
  },
  {
    id: 'scheduling',
    meta: () => import('./scheduling/meta'),
    schema: async (env) => (await import('./scheduling/settings')).schedulingSchema(cores(env)),
    load: () => import('./scheduling/View.svelte'),
  },
  {
    id: 'fetch',
    meta: () => import('./fetch/meta'),
    schema: async () => (await import('./fetch/settings')).fetchSchema(),
    load: () => import('./fetch/View.svelte'),
  },
  {
    id: 'queues',
    meta: () => import('./queues/meta'),
    schema: async (env) => (await import('./queues/settings')).queuesSchema(env.crossOriginIsolated),
    load: () => import('./queues/View.svelte'),
  },
  {
    id: 'races',
    meta: () => import('./races/meta'),
    schema: async (env) => (await import('./races/settings')).racesSchema(cores(env)),
    load: () => import('./races/View.svelte'),
  },
  {
    id: 'async',
    meta: () => import('./async/meta'),
    schema: async (env) => (await import('./async/settings')).asyncSchema(cores(env)),
    load: () => import('./async/View.svelte'),
  },
  {
    id: 'frozen',
    meta: () => import('./frozen/meta'),
    schema: async () => (await import('./frozen/settings')).frozenSchema(),
    load: () => import('./frozen/View.svelte'),
  },
  {
    id: 'messages',
    meta: () => import('./messages/meta'),
    schema: async () => (await import('./messages/settings')).messagesSchema(),
    load: () => import('./messages/View.svelte'),
  },
  {
    id: 'machine',
    meta: () => import('./machine/meta'),
    schema: async (env) => (await import('./machine/settings')).machineSchema(cores(env)),
    load: () => import('./machine/View.svelte'),
  },
  {
    id: 'python',
    meta: () => import('./python/meta'),
    schema: async () => ({}),
    load: () => import('./python/View.svelte'),
  },
];

export function findEntry(id: string | null): DemoEntry | undefined {
  return DEMOS.find((entry) => entry.id === id);
}

/** The demos with their metas, in page order (each meta is its own small chunk: they load in parallel). */
export function withMetas(entries: readonly DemoEntry[] = DEMOS): Promise<Demo[]> {
  return Promise.all(
    entries.map(async (entry) => ({ meta: (await entry.meta()).meta, order: DEMOS.indexOf(entry), load: entry.load })),
  );
}

/**
 * The schemas a link needs, by demo id in page order: the embedded demo's and those of the demos whose settings it
 * names. Read against these, a link gives exactly what it gives against every schema: a demo it does not name keeps
 * its defaults, and a name is unknown either way when its demo is.
 */
export async function schemasForLink(query: URLSearchParams, env: Environment): Promise<Map<string, Schema>> {
  const prefixes = [...query.keys()].filter((name) => name.indexOf('.') > 0).map((name) => name.split('.')[0]);
  const named = new Set([query.get('embed'), ...prefixes]);
  const needed = DEMOS.filter((entry) => named.has(entry.id));
  const schemas = await Promise.all(needed.map((entry) => entry.schema(env)));
  return new Map(needed.map((entry, index) => [entry.id, schemas[index]!]));
}

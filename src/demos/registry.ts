/**
 * Every demo, in page order. Adding a demo is one folder under src/demos and its id in `PAGE_ORDER`: its meta.ts, its
 * settings.ts (`schemaFor`, none for a demo without settings) and its View.svelte are found by their names. Each is
 * loaded on demand, its own chunk: an embed loads only its own demo; the full page every demo's meta (for its
 * navigation), a demo's schema when a link names its settings or its view loads, and a view as it nears the viewport.
 */
import type { Component } from 'svelte';
import type { Environment } from '../environment';
import type { Schema } from '../settings';
import type { Demo, DemoEntry, DemoMeta, DemoProps } from './demo';

const PAGE_ORDER = [
  'speedup',
  'kernel-or-cores',
  'image',
  'array-sum',
  'scheduling',
  'fetch',
  'queues',
  'races',
  'async',
  'frozen',
  'messages',
  'machine',
  'python',
];

const METAS = import.meta.glob<{ meta: DemoMeta }>('./*/meta.ts');
const SCHEMAS = import.meta.glob<{ schemaFor: (env: Environment) => Schema }>('./*/settings.ts');
const VIEWS = import.meta.glob<{ default: Component<DemoProps> }>('./*/View.svelte');

function entryOf(id: string): DemoEntry {
  const settings = SCHEMAS[`./${id}/settings.ts`];
  return {
    id,
    meta: METAS[`./${id}/meta.ts`]!,
    schema: async (env) => (settings ? (await settings()).schemaFor(env) : {}),
    load: VIEWS[`./${id}/View.svelte`]!,
  };
}

export const DEMOS: readonly DemoEntry[] = PAGE_ORDER.map(entryOf);

/** The demo folders (those with a meta.ts), by id: the registry test checks each is on the page. */
export const DEMO_FOLDERS: readonly string[] = Object.keys(METAS).map((path) => path.split('/')[1]!);

export function findEntry(id: string | null): DemoEntry | undefined {
  return DEMOS.find((entry) => entry.id === id);
}

/** The demos with their metas, in page order (each meta is its own small chunk: they load in parallel). */
export function withMetas(entries: readonly DemoEntry[] = DEMOS): Promise<Demo[]> {
  return Promise.all(entries.map(async (entry) => ({ meta: (await entry.meta()).meta, load: entry.load })));
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

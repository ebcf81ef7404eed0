/**
 * Every demo, in page order: its meta, its settings schema, and its view, loaded on demand. Adding a demo is one
 * folder under src/demos and one line here.
 */
import type { Environment } from '../environment';
import type { Schema } from '../settings';
import type { DemoEntry } from './demo';
import { meta as arraySum } from './array-sum/meta';
import { arraySumSchema } from './array-sum/settings';
import { meta as async } from './async/meta';
import { asyncSchema } from './async/settings';
import { meta as fetchMeta } from './fetch/meta';
import { fetchSchema } from './fetch/settings';
import { meta as frozen } from './frozen/meta';
import { frozenSchema } from './frozen/settings';
import { meta as image } from './image/meta';
import { imageSchema } from './image/settings';
import { meta as kernelOrCores } from './kernel-or-cores/meta';
import { kernelOrCoresSchema } from './kernel-or-cores/settings';
import { meta as machine } from './machine/meta';
import { machineSchema } from './machine/settings';
import { meta as messages } from './messages/meta';
import { messagesSchema } from './messages/settings';
import { meta as python } from './python/meta';
import { meta as races } from './races/meta';
import { racesSchema } from './races/settings';
import { meta as queues } from './queues/meta';
import { queuesSchema } from './queues/settings';
import { meta as scheduling } from './scheduling/meta';
import { schedulingSchema } from './scheduling/settings';
import { meta as speedup } from './speedup/meta';
import { speedupSchema } from './speedup/settings';

const cores = (env: Environment) => env.hardwareConcurrency;
const none = (): Schema => ({});

export const DEMOS: readonly DemoEntry[] = [
  { meta: speedup, schema: (env) => speedupSchema(cores(env)), load: () => import('./speedup/View.svelte') },
  {
    meta: kernelOrCores,
    schema: (env) => kernelOrCoresSchema(cores(env)),
    load: () => import('./kernel-or-cores/View.svelte'),
  },
  {
    meta: image,
    schema: (env) => imageSchema(cores(env), env.crossOriginIsolated),
    load: () => import('./image/View.svelte'),
  },
  {
    meta: arraySum,
    schema: (env) => arraySumSchema(cores(env), env.crossOriginIsolated),
    load: () => import('./array-sum/View.svelte'),
  },
  { meta: scheduling, schema: (env) => schedulingSchema(cores(env)), load: () => import('./scheduling/View.svelte') },
  { meta: fetchMeta, schema: () => fetchSchema(), load: () => import('./fetch/View.svelte') },
  { meta: queues, schema: (env) => queuesSchema(env.crossOriginIsolated), load: () => import('./queues/View.svelte') },
  { meta: races, schema: (env) => racesSchema(cores(env)), load: () => import('./races/View.svelte') },
  { meta: async, schema: (env) => asyncSchema(cores(env)), load: () => import('./async/View.svelte') },
  { meta: frozen, schema: () => frozenSchema(), load: () => import('./frozen/View.svelte') },
  { meta: messages, schema: () => messagesSchema(), load: () => import('./messages/View.svelte') },
  { meta: machine, schema: (env) => machineSchema(cores(env)), load: () => import('./machine/View.svelte') },
  { meta: python, schema: none, load: () => import('./python/View.svelte') },
];

/** Every demo's schema by id, for reading a link. */
export function schemas(env: Environment): Map<string, Schema> {
  return new Map(DEMOS.map((demo) => [demo.meta.id, demo.schema(env)]));
}

export function findDemo(id: string | null): DemoEntry | undefined {
  return DEMOS.find((demo) => demo.meta.id === id);
}

import type { Component } from 'svelte';
import type { Environment } from '../environment';
import SchedulingDemo from './scheduling/SchedulingDemo.svelte';
import SpeedupDemo from './speedup/SpeedupDemo.svelte';

/** A section of the page. Each can also be shown alone in an embed, by its id. */
export interface Demo {
  id: string;
  title: string;
  component: Component<{ env: Environment }>;
}

/** The demos, in page order. Each new demo adds one line here. */
export const DEMOS: readonly Demo[] = [
  { id: 'speedup', title: 'Speedup', component: SpeedupDemo },
  { id: 'scheduling', title: 'Scheduling', component: SchedulingDemo },
];

import type { Component } from 'svelte';
import type { Environment } from '../environment';
import FetchDemo from './fetch/FetchDemo.svelte';
import AsyncDemo from './lab/AsyncDemo.svelte';
import FrozenDemo from './lab/FrozenDemo.svelte';
import MachineDemo from './lab/MachineDemo.svelte';
import MessagesDemo from './lab/MessagesDemo.svelte';
import RacesDemo from './lab/RacesDemo.svelte';
import ImageDemo from './image/ImageDemo.svelte';
import PythonDemo from './python/PythonDemo.svelte';
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
  { id: 'image', title: 'Image filters', component: ImageDemo },
  { id: 'scheduling', title: 'Scheduling', component: SchedulingDemo },
  { id: 'fetch', title: 'Async fetch', component: FetchDemo },
  { id: 'races', title: 'Lost updates, atomics and locks', component: RacesDemo },
  { id: 'async', title: 'Async is not parallel', component: AsyncDemo },
  { id: 'frozen', title: 'The frozen page', component: FrozenDemo },
  { id: 'messages', title: 'What a message costs', component: MessagesDemo },
  { id: 'machine', title: 'Honest environment', component: MachineDemo },
  { id: 'python', title: 'Python side by side', component: PythonDemo },
];

import type { MessagesState } from './state.svelte';

/** Every panel of the messages demo shows one part of the same state. */
export interface PanelProps {
  state: MessagesState;
}

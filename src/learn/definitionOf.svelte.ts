import { afterStartup } from '../ui/shell/lazy.svelte';
import type { TermId } from './glossary';

/**
 * The glossary's definitions (src/learn/definitions.ts) once loaded: a page with terms loads them after its demo is
 * usable, not before.
 */
let definitions = $state.raw<Readonly<Record<TermId, string>> | null>(null);
let loading: Promise<void> | null = null;
let scheduled = false;

/** A term's definition, or '' until the definitions have loaded (then it updates). */
export function definitionOf(id: TermId): string {
  return definitions?.[id] ?? '';
}

/** Loads the definitions, once; a failed load may be asked for again. */
export function loadDefinitions(): Promise<void> {
  loading ??= import('./definitions').then(
    (module) => void (definitions = module.DEFINITIONS),
    () => void (loading = null),
  );
  return loading;
}

/** Loads the definitions soon after the first term mounted (a term hovered or focused sooner loads them at once). */
export function loadDefinitionsSoon(): void {
  if (scheduled) return;
  scheduled = true;
  afterStartup(() => void loadDefinitions());
}

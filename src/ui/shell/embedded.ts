import { getContext, setContext } from 'svelte';

/**
 * How a demo is shown: on the full page, alone in an embed, or in the compact embed for teachers (`controls=minimal`).
 * In an embed its title is the page's only top-level heading (<h1>), as a document needs one; on the full page the
 * page's own title is the <h1> and each demo's is an <h2>. The compact embed renders only the lesson, the demo's
 * main fields (`mainFields` in its meta), Run, Cancel, the status and the main result: the shell's components and
 * `<Detail>` leave the rest out of the page, not just out of sight.
 */
interface Shown {
  /** The fields the compact embed keeps, or null when every field shows. */
  compactFields: ReadonlySet<string> | null;
}

const KEY = Symbol('embedded');

/** Marks the components under the caller as embedded; compact when given the fields to keep. */
export function markEmbedded(compactFields: readonly string[] | null = null): void {
  setContext<Shown>(KEY, { compactFields: compactFields ? new Set(compactFields) : null });
}

export function isEmbedded(): boolean {
  return getContext<Shown | undefined>(KEY) !== undefined;
}

/** The fields the compact embed keeps, or null anywhere else. */
export function compactFields(): ReadonlySet<string> | null {
  return getContext<Shown | undefined>(KEY)?.compactFields ?? null;
}

export function isCompact(): boolean {
  return compactFields() !== null;
}

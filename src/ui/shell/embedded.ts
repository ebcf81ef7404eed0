import { getContext, setContext } from 'svelte';

/**
 * Whether the demo is shown alone in an embed. There its title is the page's only top-level heading (<h1>), as a
 * document needs one; on the full page the page's own title is the <h1> and each demo's is an <h2>.
 */
const KEY = Symbol('embedded');

export function markEmbedded(): void {
  setContext(KEY, true);
}

export function isEmbedded(): boolean {
  return getContext<boolean | undefined>(KEY) === true;
}

/**
 * How data reaches a worker.
 * - `copy`: structured clone, both ways — like Python's multiprocessing pickling every argument and result;
 * - `transfer`: the ArrayBuffer is moved to the worker and back, zero-copy; the sender is left with a detached buffer;
 * - `shared`: SharedArrayBuffer, every thread sees the same bytes — like `multiprocessing.shared_memory`.
 */
export type Mode = 'copy' | 'transfer' | 'shared';

export const MODES: readonly Mode[] = ['copy', 'transfer', 'shared'];

export const MODE_LABELS: Record<Mode, string> = {
  copy: 'copy (structured clone)',
  transfer: 'transfer (move the buffers)',
  shared: 'shared memory (SharedArrayBuffer)',
};

/** A page that explains cross-origin isolation and the two headers. */
export const COOP_COEP_LINK = 'https://web.dev/articles/coop-coep';

/** Why a mode cannot run on this page, or undefined if it can. */
export function modeUnavailable(mode: Mode, crossOriginIsolated: boolean): string | undefined {
  if (mode === 'shared' && !crossOriginIsolated) {
    return (
      'Shared memory is unavailable: this page is not cross-origin isolated, so the browser withholds ' +
      'SharedArrayBuffer. The server must send Cross-Origin-Opener-Policy: same-origin and ' +
      'Cross-Origin-Embedder-Policy: require-corp. Copy and transfer still work.'
    );
  }
  return undefined;
}

import type { Backend } from '../../workers/kernels/backend';
import type { Mode } from './modes';
import type { SharedPicture } from './picture';

/** How a shared-mode run reaches the picture: said in the bench rows and the Image demo. */
export type SharedPath = 'no-copy' | 'band-copies';

export const SHARED_PATH_LABELS: Record<SharedPath, string> = {
  'no-copy': 'the workers read and write the shared picture in place',
  'band-copies': "each band is copied into the module's own memory and its rows copied back",
};

/**
 * The path a shared-mode run takes: JavaScript kernels work on the SharedArrayBuffer in place; a WebAssembly module
 * can address only its own memory, so its kernels work in place only when the picture lives in a shared
 * WebAssembly.Memory, and otherwise copy each band in and out.
 */
export function sharedPath(backend: Backend, picture: SharedPicture): SharedPath {
  return backend === 'js' || picture.wasm ? 'no-copy' : 'band-copies';
}

/**
 * Where a WebAssembly backend's picture was for this run, in words for the Image demo (null for JavaScript, which
 * reads every mode's buffers where they are). Without cross-origin isolation the WebAssembly backends still run, on
 * each worker's own unshared memory; the note says what that turns off.
 */
export function wasmMemoryNote(
  backend: Backend,
  mode: Mode,
  shared: SharedPicture | undefined,
  crossOriginIsolated: boolean,
): string | null {
  if (backend === 'js') return null;
  if (mode === 'shared' && shared) {
    return sharedPath(backend, shared) === 'no-copy'
      ? "The WebAssembly kernels imported the picture's shared WebAssembly.Memory and filtered it in place: " +
          "nothing was copied into a module's memory."
      : 'No shared WebAssembly.Memory could be made here, so the picture is in plain SharedArrayBuffers: ' +
          "each band was copied into the module's own memory and its rows copied back.";
  }
  if (!crossOriginIsolated) {
    return (
      "The WebAssembly kernels ran on each worker's own, unshared memory, each band copied in and out. This page is " +
      'not cross-origin isolated, so shared memory is off: no shared mode, and no picture in a shared ' +
      'WebAssembly.Memory for the kernels to filter in place.'
    );
  }
  return (
    "In this mode the WebAssembly kernels run on each worker's own memory: each band is copied into it and its " +
    'rows copied back. Shared mode puts the picture in a shared WebAssembly.Memory that they filter in place.'
  );
}

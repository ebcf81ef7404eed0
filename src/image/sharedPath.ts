import type { Backend } from '../../workers/kernels/backend';
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

/**
 * WebGPU's buffer usage and map-mode bits (WebGPU spec §5.1, §5.2). The browser has them as `GPUBufferUsage` and
 * `GPUMapMode` globals, but TypeScript's DOM library declares only their types, and Node tests have no globals.
 */
export const BUFFER_USAGE = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
} as const;

export const MAP_READ = 0x0001;

import { pointWgsl } from './pixels';

/** Invert, the twin of `invertRows`: 255 − each colour channel; alpha is kept. */
export const invertWgsl = pointWgsl(/* wgsl */ `return pack(vec4<u32>(vec3<u32>(255u) - c.xyz, c.w));`);

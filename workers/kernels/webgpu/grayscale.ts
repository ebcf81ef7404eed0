import { pointWgsl } from './pixels';

/** Grayscale, the twin of `grayscaleRows`: each pixel's colour becomes its luma; alpha is kept. */
export const grayscaleWgsl = pointWgsl(/* wgsl */ `let y = luma(c);
  return pack(vec4<u32>(y, y, y, c.w));`);

import { pixelsWgsl } from './pixels';

/** Grayscale, the twin of `grayscaleRows`: each pixel's colour becomes its luma; alpha is kept. */
export const grayscaleWgsl = /* wgsl */ `${pixelsWgsl}
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let i = id.y * params.width + id.x;
  let c = unpack(src[i]);
  let y = luma(c);
  dst[i] = pack(vec4<u32>(y, y, y, c.w));
}
`;

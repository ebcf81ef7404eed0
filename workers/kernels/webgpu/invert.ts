import { pixelsWgsl } from './pixels';

/** Invert, the twin of `invertRows`: 255 − each colour channel; alpha is kept. */
export const invertWgsl = /* wgsl */ `${pixelsWgsl}
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let i = id.y * params.width + id.x;
  let c = unpack(src[i]);
  dst[i] = pack(vec4<u32>(vec3<u32>(255u) - c.xyz, c.w));
}
`;

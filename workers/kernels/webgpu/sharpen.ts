import { pixelsWgsl } from './pixels';

/** Sharpen, the twin of `sharpenRows`: 5·centre − the four direct neighbours per colour, clamped to 0…255; alpha kept. */
export const sharpenWgsl = /* wgsl */ `${pixelsWgsl}
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;

fn at(x: i32, y: i32) -> vec3<i32> {
  return vec3<i32>(unpack(src[clampTo(y, params.height) * params.width + clampTo(x, params.width)]).xyz);
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let x = i32(id.x);
  let y = i32(id.y);
  let i = id.y * params.width + id.x;
  let centre = unpack(src[i]);
  let v = 5 * vec3<i32>(centre.xyz) - at(x, y - 1) - at(x, y + 1) - at(x - 1, y) - at(x + 1, y);
  dst[i] = pack(vec4<u32>(vec3<u32>(clamp(v, vec3<i32>(0), vec3<i32>(255))), centre.w));
}
`;

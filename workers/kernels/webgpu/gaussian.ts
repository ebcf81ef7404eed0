import { pixelsWgsl } from './pixels';

/**
 * Separable Gaussian in fixed point, the twin of `gaussianRows`: the integer weights of `gaussianWeights(σ)` (summing
 * to 2¹², computed in JS and uploaded), a horizontal pass into 16-bit intermediates ((Σ + 2³) >> 4, at most 65 280),
 * then a vertical pass back to bytes ((Σ + 2¹⁹) >> 20). All four channels alike; every sum stays below 2³¹.
 */
export const gaussianWgsl = /* wgsl */ `${pixelsWgsl}
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;
@group(0) @binding(3) var<storage, read_write> mid: array<vec2<u32>>;
@group(0) @binding(4) var<storage, read> weights: array<u32>;

fn radius() -> i32 {
  return i32(arrayLength(&weights) - 1u) / 2;
}

@compute @workgroup_size(8, 8)
fn horizontal(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let row = id.y * params.width;
  let r = radius();
  var acc = vec4<u32>(0u);
  for (var k = -r; k <= r; k++) {
    acc += weights[k + r] * unpack(src[row + clampTo(i32(id.x) + k, params.width)]);
  }
  mid[row + id.x] = pack16((acc + vec4<u32>(8u)) >> vec4<u32>(4u));
}

@compute @workgroup_size(8, 8)
fn vertical(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let r = radius();
  var acc = vec4<u32>(0u);
  for (var k = -r; k <= r; k++) {
    acc += weights[k + r] * unpack16(mid[clampTo(i32(id.y) + k, params.height) * params.width + id.x]);
  }
  let bytes = min((acc + vec4<u32>(1u << 19u)) >> vec4<u32>(20u), vec4<u32>(255u));
  dst[id.y * params.width + id.x] = pack(bytes);
}
`;

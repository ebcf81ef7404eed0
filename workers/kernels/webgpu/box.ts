import { pixelsWgsl } from './pixels';

/**
 * Box blur, the twin of `boxRows`: each channel (alpha too) becomes the rounded mean of the (2r+1)² square around
 * it, edges clamped. The square's sum is separable, so `horizontal` sums 2r+1 pixels along the row (at most
 * 255·101, 16 bits) and `vertical` sums 2r+1 of those down the column; integer sums in any order give the same total,
 * and the rounding ⌊(sum + ⌊area/2⌋) / area⌋ is the JS kernel's.
 */
export const boxWgsl = /* wgsl */ `${pixelsWgsl}
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;
@group(0) @binding(3) var<storage, read_write> mid: array<vec2<u32>>;

@compute @workgroup_size(8, 8)
fn horizontal(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let row = id.y * params.width;
  let r = i32(params.radius);
  var sum = vec4<u32>(0u);
  for (var k = -r; k <= r; k++) {
    sum += unpack(src[row + clampTo(i32(id.x) + k, params.width)]);
  }
  mid[row + id.x] = pack16(sum);
}

@compute @workgroup_size(8, 8)
fn vertical(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let r = i32(params.radius);
  var sum = vec4<u32>(0u);
  for (var k = -r; k <= r; k++) {
    sum += unpack16(mid[clampTo(i32(id.y) + k, params.height) * params.width + id.x]);
  }
  let side = 2u * params.radius + 1u;
  let area = side * side;
  dst[id.y * params.width + id.x] = pack((sum + vec4<u32>(area / 2u)) / vec4<u32>(area));
}
`;

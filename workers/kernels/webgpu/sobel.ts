import { pixelsWgsl } from './pixels';

/**
 * Sobel, the twin of `sobelRows`: the luma gradient's length, rounded and capped at 255, as an opaque gray pixel.
 * JS rounds an f64 square root; f32's `sqrt` may be off by an ulp or more, so the rounding is done in integers:
 * m = round(√n) exactly when m² − m < n ≤ m² + m (√n is never a half-integer), found from an f32 guess and corrected.
 */
export const sobelWgsl = /* wgsl */ `${pixelsWgsl}
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;

fn lum(x: i32, y: i32) -> i32 {
  return i32(luma(unpack(src[clampTo(y, params.height) * params.width + clampTo(x, params.width)])));
}

// round(sqrt(n)) capped at 255: past 255² + 255 the rounded root is at least 256.
fn roundedRootCapped(n: i32) -> u32 {
  if (n > 65280) { return 255u; }
  var m = i32(sqrt(f32(n)) + 0.5);
  while (m * m + m < n) { m++; }
  while (m > 0 && m * m - m >= n) { m--; }
  return u32(m);
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let x = i32(id.x);
  let y = i32(id.y);
  let gx = lum(x + 1, y - 1) + 2 * lum(x + 1, y) + lum(x + 1, y + 1) - lum(x - 1, y - 1) - 2 * lum(x - 1, y) - lum(x - 1, y + 1);
  let gy = lum(x - 1, y + 1) + 2 * lum(x, y + 1) + lum(x + 1, y + 1) - lum(x - 1, y - 1) - 2 * lum(x, y - 1) - lum(x + 1, y - 1);
  let m = roundedRootCapped(gx * gx + gy * gy);
  dst[id.y * params.width + id.x] = pack(vec4<u32>(m, m, m, 255u));
}
`;

// Helpers shared by the SIMD image filters (Binaryen does not auto-vectorise, so the lanes are written by hand): the
// same integer arithmetic as common.ts, four pixels side by side.

/** 255 in each i32 lane: one channel's mask, and the largest byte. */
export const BYTE = i32x4.splat(255);

/** Gray of four RGBA pixels (one u32 lane each), alpha kept: the luma in i32 lanes, copied to R, G and B. */
function grayLanes(v: v128): v128 {
  const r = v128.and(v, BYTE);
  const g = v128.and(i32x4.shr_u(v, 8), BYTE);
  const b = v128.and(i32x4.shr_u(v, 16), BYTE);
  return lumaLanes(r, g, b);
}

function lumaLanes(r: v128, g: v128, b: v128): v128 {
  let y = i32x4.add(i32x4.mul(r, i32x4.splat(77)), i32x4.mul(g, i32x4.splat(150)));
  y = i32x4.add(y, i32x4.add(i32x4.mul(b, i32x4.splat(29)), i32x4.splat(128)));
  return i32x4.shr_u(y, 8);
}

/** The luma of four RGBA pixels (one u32 lane each), in i32 lanes. */
export function lumaOf(v: v128): v128 {
  return grayLanes(v);
}

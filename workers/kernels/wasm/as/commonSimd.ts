// Helpers shared by the SIMD image filters (Binaryen does not auto-vectorise, so the lanes are written by hand): the
// same integer arithmetic as common.ts, four pixels side by side.

/** 255 in each i32 lane: one channel's mask, and the largest byte. */
export const BYTE = i32x4.splat(255);

/**
 * The luma of four RGBA pixels (one u32 lane each), in i32 lanes: (77·r + 150·g + 29·b + 128) >> 8. Read as i16
 * lanes a pixel is (r | g << 8, b | a << 8): masking the low bytes gives (r, b), shifting gives (g, a), and two
 * pairwise multiply–adds (i32x4.dot_i16x8_s: one instruction, no 32-bit multiplies) give 77·r + 29·b and 150·g + 0·a
 * per pixel. Every product is below 2¹⁵ · 2, so the signed dot is exact.
 */
export function lumaOf(v: v128): v128 {
  const rb = v128.and(v, i16x8.splat(0x00ff));
  const ga = i16x8.shr_u(v, 8);
  const y = i32x4.add(
    i32x4.dot_i16x8_s(rb, i16x8(77, 29, 77, 29, 77, 29, 77, 29)),
    i32x4.dot_i16x8_s(ga, i16x8(150, 0, 150, 0, 150, 0, 150, 0)),
  );
  return i32x4.shr_u(i32x4.add(y, i32x4.splat(128)), 8);
}

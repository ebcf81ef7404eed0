// Helpers shared by the scalar and SIMD kernels. Every kernel works on raw pointers into the memory the page
// imports (`--importMemory`): the JavaScript side lays out the buffers, so the module allocates nothing.

/** The clamp rule: a row or column outside the picture reads the nearest one inside it. */
export function clampi(index: i32, size: i32): i32 {
  return index < 0 ? 0 : index >= size ? size - 1 : index;
}

/** Byte offset of picture row `y` in an array that starts at row `top` (RGBA, 4 bytes a pixel). */
export function rowAt(base: usize, y: i32, top: i32, width: i32): usize {
  return base + <usize>((y - top) * width * 4);
}

/** BT.601 luma in integers, as workers/kernels/image/rows.ts. */
export function luma(r: u32, g: u32, b: u32): u32 {
  return (77 * r + 150 * g + 29 * b + 128) >> 8;
}

/** One RGBA pixel (little-endian u32) to gray, its alpha kept. */
export function grayPixel(v: u32): u32 {
  const y = luma(v & 255, (v >> 8) & 255, (v >> 16) & 255);
  return (v & 0xff000000) | (y * 0x010101);
}

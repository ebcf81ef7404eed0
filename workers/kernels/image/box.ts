import { clamp, rowOffset } from './rows';

/**
 * Box blur: each channel (alpha too) becomes the rounded mean of the (2r+1)² square around it, edges clamped.
 * Integer sums throughout, so the result is exact. A running column sum moves down one row at a time (add the row
 * entering, subtract the row leaving) and a running sum moves along the row: O(1) per pixel whatever the radius.
 */
export function boxRows(
  src: Uint8ClampedArray,
  srcTop: number,
  dst: Uint8ClampedArray,
  dstTop: number,
  width: number,
  height: number,
  y0: number,
  y1: number,
  radius: number,
): void {
  const stride = width * 4;
  const area = (2 * radius + 1) ** 2;
  const half = area >> 1;
  const columns = new Int32Array(stride);
  const addRow = (y: number, sign: number) => {
    const o = rowOffset(clamp(y, height), srcTop, width);
    for (let i = 0; i < stride; i++) columns[i]! += sign * src[o + i]!;
  };
  for (let k = -radius; k <= radius; k++) addRow(y0 + k, 1);
  for (let y = y0; y < y1; y++) {
    if (y > y0) {
      addRow(y + radius, 1);
      addRow(y - 1 - radius, -1);
    }
    const d = rowOffset(y, dstTop, width);
    for (let c = 0; c < 4; c++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += columns[clamp(k, width) * 4 + c]!;
      for (let x = 0; x < width; x++) {
        dst[d + x * 4 + c] = Math.floor((sum + half) / area);
        sum += columns[clamp(x + radius + 1, width) * 4 + c]! - columns[clamp(x - radius, width) * 4 + c]!;
      }
    }
  }
}

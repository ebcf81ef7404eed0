import { clamp, pixelWords, rowOffset, type RowJob } from './rows';

/**
 * Box blur: each channel (alpha too) becomes the rounded mean of the (2r+1)² square around it, edges clamped.
 * Integer sums throughout, so the result is exact. A running column sum moves down one row at a time (add the row
 * entering, subtract the row leaving) and a running sum moves along the row: O(1) per pixel whatever the radius.
 * Tuned (issue 15, kept in tests/reference as the first version): the column sums are padded with r copies of the
 * edge columns on each side, so the pass along a row neither clamps nor branches; the division is a table lookup;
 * and up to radius 7 two channels share one 32-bit sum (boxPacked), which halves the loads and adds.
 */
export function boxRows(job: RowJob, radius: number): void {
  const side = 2 * radius + 1;
  const area = side * side;
  const mean = meanTable(area);
  const from = pixelWords(job.src, 0, job.src.length >> 2);
  const to = pixelWords(job.dst, 0, job.dst.length >> 2);
  // A packed channel's sum reaches 255·area + ⌊area / 2⌋, which must stay below 2¹⁶.
  if (from && to && area <= 256) boxPacked(job, radius, from, to, mean);
  else boxChannels(job, radius, mean);
}

/**
 * Pixel words in and out; the sums hold two channels each, 16 bits apiece: R and B (word & 0xff00ff), G and A
 * ((word >>> 8) & 0xff00ff). A lane never exceeds 16 bits, so adding and subtracting whole words is exact.
 */
function boxPacked(job: RowJob, radius: number, from: Int32Array, to: Int32Array, mean: Uint8Array): void {
  const { srcTop, dstTop, width, height, y0, y1 } = job;
  const side = 2 * radius + 1;
  const half = (side * side) >> 1;
  // Column x's sums at x + r, for x from −r to width − 1 + r.
  const rb = new Int32Array(width + 2 * radius + 1);
  const ga = new Int32Array(width + 2 * radius + 1);
  for (let k = -radius; k <= radius; k++) {
    const s = (clamp(y0 + k, height) - srcTop) * width;
    for (let x = 0; x < width; x++) {
      const v = from[s + x]!;
      rb[radius + x]! += v & 0xff00ff;
      ga[radius + x]! += (v >>> 8) & 0xff00ff;
    }
  }
  for (let y = y0; y < y1; y++) {
    if (y > y0) {
      const entering = (clamp(y + radius, height) - srcTop) * width;
      const leaving = (clamp(y - 1 - radius, height) - srcTop) * width;
      for (let x = 0; x < width; x++) {
        const e = from[entering + x]!;
        const l = from[leaving + x]!;
        rb[radius + x]! += (e & 0xff00ff) - (l & 0xff00ff);
        ga[radius + x]! += ((e >>> 8) & 0xff00ff) - ((l >>> 8) & 0xff00ff);
      }
    }
    rb.fill(rb[radius]!, 0, radius);
    ga.fill(ga[radius]!, 0, radius);
    rb.fill(rb[radius + width - 1]!, radius + width);
    ga.fill(ga[radius + width - 1]!, radius + width);
    let sumRB = half * 0x10001;
    let sumGA = sumRB;
    for (let p = 0; p < side; p++) {
      sumRB += rb[p]!;
      sumGA += ga[p]!;
    }
    const d = (y - dstTop) * width;
    // Pixel x leaves column x − r (at x) and takes in column x + r + 1 (at x + side).
    for (let x = 0; x < width; x++) {
      to[d + x] =
        mean[sumRB & 0xffff]! |
        (mean[sumGA & 0xffff]! << 8) |
        (mean[sumRB >>> 16]! << 16) |
        (mean[sumGA >>> 16]! << 24);
      // `| 0`: a sum ≥ 2³¹ wraps to a negative int32, still the right bits, and V8 keeps it an int32.
      sumRB = (sumRB + rb[x + side]! - rb[x]!) | 0;
      sumGA = (sumGA + ga[x + side]! - ga[x]!) | 0;
    }
  }
}

/** Any radius and any byte offset: the four channels' sums apart, byte by byte. */
function boxChannels(job: RowJob, radius: number, mean: Uint8Array): void {
  const { src, srcTop, dst, dstTop, width, height, y0, y1 } = job;
  const stride = width * 4;
  const side = 2 * radius + 1;
  // Column x's four sums at (x + r)·4, for x from −r to width − 1 + r.
  const pad = radius * 4;
  const columns = new Int32Array(stride + 2 * pad + 4);
  for (let k = -radius; k <= radius; k++) {
    const s = rowOffset(clamp(y0 + k, height), srcTop, width);
    for (let i = 0; i < stride; i++) columns[pad + i]! += src[s + i]!;
  }
  for (let y = y0; y < y1; y++) {
    if (y > y0) {
      const entering = rowOffset(clamp(y + radius, height), srcTop, width);
      const leaving = rowOffset(clamp(y - 1 - radius, height), srcTop, width);
      for (let i = 0; i < stride; i++) columns[pad + i]! += src[entering + i]! - src[leaving + i]!;
    }
    for (let i = 0; i < pad; i++) columns[i] = columns[pad + (i & 3)]!;
    for (let i = pad + stride; i < columns.length; i++) columns[i] = columns[i - 4]!;
    // Each sum starts at ⌊area / 2⌋, so the table's ⌊sum / area⌋ is the rounded mean.
    let s0 = (side * side) >> 1;
    let s1 = s0;
    let s2 = s0;
    let s3 = s0;
    for (let c = 0; c < side * 4; c += 4) {
      s0 += columns[c]!;
      s1 += columns[c + 1]!;
      s2 += columns[c + 2]!;
      s3 += columns[c + 3]!;
    }
    const d = rowOffset(y, dstTop, width);
    // Pixel x leaves column x − r (at x·4) and takes in column x + r + 1 (at (x + side)·4).
    const ahead = side * 4;
    for (let i = 0; i < stride; i += 4) {
      dst[d + i] = mean[s0]!;
      dst[d + i + 1] = mean[s1]!;
      dst[d + i + 2] = mean[s2]!;
      dst[d + i + 3] = mean[s3]!;
      s0 += columns[i + ahead]! - columns[i]!;
      s1 += columns[i + ahead + 1]! - columns[i + 1]!;
      s2 += columns[i + ahead + 2]! - columns[i + 2]!;
      s3 += columns[i + ahead + 3]! - columns[i + 3]!;
    }
  }
}

let lastMeans: { area: number; table: Uint8Array } | undefined;

/** ⌊s / area⌋ for every sum s a channel reaches (up to 255·area plus ⌊area / 2⌋); kept for the next call. */
function meanTable(area: number): Uint8Array {
  if (lastMeans?.area !== area) {
    const table = new Uint8Array(256 * area);
    for (let q = 1; q < 256; q++) table.fill(q, q * area, (q + 1) * area);
    lastMeans = { area, table };
  }
  return lastMeans.table;
}

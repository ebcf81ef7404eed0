/**
 * Σ i² modulo 2³², four lanes at a time with two accumulators (eight terms a step, so the adds of one step do not
 * wait on the previous one). Lane sums wrap modulo 2³² and addition modulo 2³² is associative, so the order of
 * the terms does not change the bits.
 */
export function sumSquaresMod32(start: u32, end: u32): u32 {
  let i = start;
  let acc: u32 = 0;
  if (end - start >= 8) {
    let a = i32x4(0, 1, 2, 3);
    a = i32x4.add(a, i32x4.splat(i));
    let b = i32x4.add(a, i32x4.splat(4));
    const eight = i32x4.splat(8);
    let sa = i32x4.splat(0);
    let sb = i32x4.splat(0);
    const last = end - 8;
    while (i <= last) {
      sa = i32x4.add(sa, i32x4.mul(a, a));
      sb = i32x4.add(sb, i32x4.mul(b, b));
      a = i32x4.add(a, eight);
      b = i32x4.add(b, eight);
      i += 8;
      // `i <= last` with u32: stop before i wraps past 2³² (the task caps N below that).
      if (i < 8) break;
    }
    const s = i32x4.add(sa, sb);
    acc =
      <u32>i32x4.extract_lane(s, 0) +
      <u32>i32x4.extract_lane(s, 1) +
      <u32>i32x4.extract_lane(s, 2) +
      <u32>i32x4.extract_lane(s, 3);
  }
  for (; i < end; i++) acc += i * i;
  return acc;
}

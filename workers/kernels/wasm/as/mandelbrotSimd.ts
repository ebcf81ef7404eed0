import { zeroOf } from './commonSimd';

/**
 * One row's escape counts from column 0 into `p`, six pixels at a time in three pairs of f64x2 lanes, then a pair at
 * a time; returns the columns done (all but an odd last one, which the caller's scalar loop finishes). Each lane
 * does the scalar kernel's operations in its order (2·z as z + z, which is exact); a lane that escaped keeps
 * iterating (its value no longer matters) but stops counting, and the step stops when every lane has escaped or
 * reached the limit.
 */
export function mandelbrotRowSimd(p: usize, width: i32, xMin: f64, dx: f64, ci: f64, maxIterations: i32): i32 {
  // From a run-time zero, so that V8 keeps it in a register (see zeroOf).
  const four = f64x2.splat(4.0 + <f64>zeroOf(maxIterations));
  const civ = f64x2.splat(ci);
  let col = 0;
  // Six pixels a step in three independent pairs: one pair alone waits on its own multiply–add chain, and four
  // pairs (sixteen vectors of state) no longer fit in the sixteen vector registers.
  for (; col + 6 <= width; col += 6) {
    const dxv = f64x2.splat(dx);
    const x0 = f64x2.splat(xMin);
    const cra = f64x2.add(x0, f64x2.mul(f64x2(<f64>col + 0.5, <f64>(col + 1) + 0.5), dxv));
    const crb = f64x2.add(x0, f64x2.mul(f64x2(<f64>(col + 2) + 0.5, <f64>(col + 3) + 0.5), dxv));
    const crc = f64x2.add(x0, f64x2.mul(f64x2(<f64>(col + 4) + 0.5, <f64>(col + 5) + 0.5), dxv));
    let ra = f64x2.splat(0);
    let ia = f64x2.splat(0);
    let rb = f64x2.splat(0);
    let ib = f64x2.splat(0);
    let rc = f64x2.splat(0);
    let ic = f64x2.splat(0);
    let na = i64x2.splat(0);
    let nb = i64x2.splat(0);
    let nc = i64x2.splat(0);
    // Per lane: 0 or -1 (all ones) while the lane still counts; subtracting it adds one.
    let aa = i64x2.splat(-1);
    let ab = i64x2.splat(-1);
    let ac = i64x2.splat(-1);
    for (let n = 0; n < maxIterations; n++) {
      const ra2 = f64x2.mul(ra, ra);
      const ia2 = f64x2.mul(ia, ia);
      const rb2 = f64x2.mul(rb, rb);
      const ib2 = f64x2.mul(ib, ib);
      const rc2 = f64x2.mul(rc, rc);
      const ic2 = f64x2.mul(ic, ic);
      aa = v128.andnot(aa, f64x2.gt(f64x2.add(ra2, ia2), four));
      ab = v128.andnot(ab, f64x2.gt(f64x2.add(rb2, ib2), four));
      ac = v128.andnot(ac, f64x2.gt(f64x2.add(rc2, ic2), four));
      if (!v128.any_true(v128.or(v128.or(aa, ab), ac))) break;
      na = i64x2.sub(na, aa);
      nb = i64x2.sub(nb, ab);
      nc = i64x2.sub(nc, ac);
      ia = f64x2.add(f64x2.mul(f64x2.add(ra, ra), ia), civ);
      ra = f64x2.add(f64x2.sub(ra2, ia2), cra);
      ib = f64x2.add(f64x2.mul(f64x2.add(rb, rb), ib), civ);
      rb = f64x2.add(f64x2.sub(rb2, ib2), crb);
      ic = f64x2.add(f64x2.mul(f64x2.add(rc, rc), ic), civ);
      rc = f64x2.add(f64x2.sub(rc2, ic2), crc);
    }
    store<u16>(p, <u16>i64x2.extract_lane(na, 0));
    store<u16>(p, <u16>i64x2.extract_lane(na, 1), 2);
    store<u16>(p, <u16>i64x2.extract_lane(nb, 0), 4);
    store<u16>(p, <u16>i64x2.extract_lane(nb, 1), 6);
    store<u16>(p, <u16>i64x2.extract_lane(nc, 0), 8);
    store<u16>(p, <u16>i64x2.extract_lane(nc, 1), 10);
    p += 12;
  }
  for (; col + 2 <= width; col += 2) {
    const cr = f64x2.add(f64x2.splat(xMin), f64x2.mul(f64x2(<f64>col + 0.5, <f64>(col + 1) + 0.5), f64x2.splat(dx)));
    let zr = f64x2.splat(0);
    let zi = f64x2.splat(0);
    // Per lane: 0 or -1 (all ones) while the lane still counts; subtracting it adds one.
    let counts = i64x2.splat(0);
    let active = i64x2.splat(-1);
    for (let n = 0; n < maxIterations; n++) {
      const zr2 = f64x2.mul(zr, zr);
      const zi2 = f64x2.mul(zi, zi);
      active = v128.andnot(active, f64x2.gt(f64x2.add(zr2, zi2), four));
      if (!v128.any_true(active)) break;
      counts = i64x2.sub(counts, active);
      zi = f64x2.add(f64x2.mul(f64x2.add(zr, zr), zi), civ);
      zr = f64x2.add(f64x2.sub(zr2, zi2), cr);
    }
    store<u16>(p, <u16>i64x2.extract_lane(counts, 0));
    store<u16>(p, <u16>i64x2.extract_lane(counts, 1), 2);
    p += 4;
  }
  return col;
}

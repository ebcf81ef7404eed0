/**
 * Escape counts, four pixels at a time in two pairs of f64x2 lanes (then a pair, then one). Each lane does the scalar kernel's operations in its order;
 * a lane that escaped keeps iterating (its value no longer matters) but stops counting, and the pair stops when
 * both lanes have escaped or reached the limit. An odd last column runs the scalar loop.
 */
export function mandelbrotRows(
  out: usize,
  width: i32,
  height: i32,
  xMin: f64,
  xMax: f64,
  yMin: f64,
  yMax: f64,
  maxIterations: i32,
  rowStart: i32,
  rowEnd: i32,
): void {
  const dx = (xMax - xMin) / <f64>width;
  const dy = (yMax - yMin) / <f64>height;
  const four = f64x2.splat(4.0);
  const two = f64x2.splat(2.0);
  let p = out;
  for (let row = rowStart; row < rowEnd; row++) {
    const ci = yMin + (<f64>row + 0.5) * dy;
    const civ = f64x2.splat(ci);
    let col = 0;
    // Four pixels a step in two independent pairs: one pair alone waits on its own multiply–add chain.
    for (; col + 4 <= width; col += 4) {
      const dxv = f64x2.splat(dx);
      const x0 = f64x2.splat(xMin);
      const cra = f64x2.add(x0, f64x2.mul(f64x2(<f64>col + 0.5, <f64>(col + 1) + 0.5), dxv));
      const crb = f64x2.add(x0, f64x2.mul(f64x2(<f64>(col + 2) + 0.5, <f64>(col + 3) + 0.5), dxv));
      let ra = f64x2.splat(0);
      let ia = f64x2.splat(0);
      let rb = f64x2.splat(0);
      let ib = f64x2.splat(0);
      let na = i64x2.splat(0);
      let nb = i64x2.splat(0);
      let aa = i64x2.splat(-1);
      let ab = i64x2.splat(-1);
      for (let n = 0; n < maxIterations; n++) {
        const ra2 = f64x2.mul(ra, ra);
        const ia2 = f64x2.mul(ia, ia);
        const rb2 = f64x2.mul(rb, rb);
        const ib2 = f64x2.mul(ib, ib);
        aa = v128.andnot(aa, f64x2.gt(f64x2.add(ra2, ia2), four));
        ab = v128.andnot(ab, f64x2.gt(f64x2.add(rb2, ib2), four));
        if (!v128.any_true(v128.or(aa, ab))) break;
        na = i64x2.sub(na, aa);
        nb = i64x2.sub(nb, ab);
        ia = f64x2.add(f64x2.mul(f64x2.mul(two, ra), ia), civ);
        ra = f64x2.add(f64x2.sub(ra2, ia2), cra);
        ib = f64x2.add(f64x2.mul(f64x2.mul(two, rb), ib), civ);
        rb = f64x2.add(f64x2.sub(rb2, ib2), crb);
      }
      store<u16>(p, <u16>i64x2.extract_lane(na, 0));
      store<u16>(p, <u16>i64x2.extract_lane(na, 1), 2);
      store<u16>(p, <u16>i64x2.extract_lane(nb, 0), 4);
      store<u16>(p, <u16>i64x2.extract_lane(nb, 1), 6);
      p += 8;
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
        zi = f64x2.add(f64x2.mul(f64x2.mul(two, zr), zi), civ);
        zr = f64x2.add(f64x2.sub(zr2, zi2), cr);
      }
      store<u16>(p, <u16>i64x2.extract_lane(counts, 0));
      store<u16>(p, <u16>i64x2.extract_lane(counts, 1), 2);
      p += 4;
    }
    for (; col < width; col++) {
      const cr = xMin + (<f64>col + 0.5) * dx;
      let zr = 0.0;
      let zi = 0.0;
      let n = 0;
      while (n < maxIterations) {
        const zr2 = zr * zr;
        const zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) break;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        n++;
      }
      store<u16>(p, <u16>n);
      p += 2;
    }
  }
}

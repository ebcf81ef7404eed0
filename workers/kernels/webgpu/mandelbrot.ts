/**
 * Mandelbrot escape counts in f32, the labelled variant of `mandelbrotRows`: WGSL has no f64. The same iteration in
 * the same order, but each operation rounds to 24 bits instead of 53, so near the set's boundary some counts differ
 * from the f64 reference; `src/gpu/mandelbrotCheck.ts` counts them. Each pixel's coordinate is computed in f64 by the
 * page and rounded once to f32 (`cr` per column, `ci` per row), so only the iteration itself runs in f32.
 * One dispatch covers rows [rowStart, rowEnd): long runs are cut into several, each short enough for a GPU watchdog.
 */
export const mandelbrotWgsl = /* wgsl */ `
struct View {
  width: u32,
  rowStart: u32,
  rowEnd: u32,
  maxIterations: u32,
}

@group(0) @binding(0) var<uniform> view: View;
@group(0) @binding(1) var<storage, read> cr: array<f32>;
@group(0) @binding(2) var<storage, read> ci: array<f32>;
@group(0) @binding(3) var<storage, read_write> counts: array<u32>;

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let row = view.rowStart + id.y;
  if (id.x >= view.width || row >= view.rowEnd) { return; }
  let cx = cr[id.x];
  let cy = ci[row];
  var zr = 0.0;
  var zi = 0.0;
  var n = 0u;
  while (n < view.maxIterations) {
    let zr2 = zr * zr;
    let zi2 = zi * zi;
    if (zr2 + zi2 > 4.0) { break; }
    zi = 2.0 * zr * zi + cy;
    zr = zr2 - zi2 + cx;
    n++;
  }
  counts[row * view.width + id.x] = n;
}
`;

import type { MandelbrotView } from '../../workers/kernels/mandelbrot';

/** A zoom on the boundary, neighbouring pixels 2e-6 apart: where f32's 24-bit significand shows. */
export const BOUNDARY_ZOOM: MandelbrotView = {
  width: 48,
  height: 40,
  xMin: -0.7454,
  xMax: -0.7453,
  yMin: 0.11295,
  yMax: 0.11305,
  maxIterations: 600,
};

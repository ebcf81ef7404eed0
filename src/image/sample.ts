import type { Picture } from './picture';

/**
 * The built-in sample picture, drawn by the project itself (no licence to worry about): a sky gradient for blurs
 * to smooth, a sun and hills with crisp edges for Sobel, and a checkerboard and fine stripes that sharpen and blur
 * visibly. Pure arithmetic, so it is the same picture on every machine and at any size.
 */
export function samplePicture(width: number, height: number): Picture {
  const data = new Uint8ClampedArray(width * height * 4);
  const unit = Math.min(width, height);
  const sun = { x: 0.72 * width, y: 0.3 * height, r: 0.14 * unit };
  // The hills' outline depends on the column only: computed once per column, not once per pixel.
  const hills = Float64Array.from({ length: width }, (_, x) => {
    const u = x / width;
    return 0.62 + 0.07 * Math.sin(u * 9) + 0.03 * Math.sin(u * 31);
  });
  const stripeWidth = Math.max(2, unit / 60);
  const cell = Math.max(2, Math.floor(unit / 24));
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      let r = 60 + 110 * v;
      let g = 110 + 90 * v;
      let b = 215 - 50 * v;
      if ((x - sun.x) ** 2 + (y - sun.y) ** 2 < sun.r ** 2) {
        r = 255;
        g = 200 - 60 * v;
        b = 40;
      }
      const hill = hills[x]!;
      if (v > hill) {
        const stripe = Math.floor((x + y) / stripeWidth) % 2;
        r = 40 + 30 * stripe;
        g = 120 + 50 * (v - hill) + 25 * stripe;
        b = 50;
      }
      if (u < 0.3 && v > 0.08 && v < 0.38) {
        const dark = (Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 0;
        r = dark ? 30 : 235;
        g = dark ? 30 : 235;
        b = dark ? 40 : 225;
      }
      const i = (y * width + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

export const SAMPLE_SIZE = { width: 1200, height: 800 };

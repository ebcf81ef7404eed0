import { splitRange } from '../tasks/split';

/** A horizontal band: it outputs picture rows [y0, y1) and reads rows [top, bottom), its halo included. */
export interface Band {
  y0: number;
  y1: number;
  top: number;
  bottom: number;
}

/**
 * Cuts a picture `height` rows tall into at most `count` bands of near-equal height, each with `halo` rows above
 * and below (fewer at the picture's edges, where the clamp rule takes over).
 */
export function planBands(height: number, count: number, halo: number): Band[] {
  return splitRange(0, height, count).map(([y0, y1]) => ({
    y0,
    y1,
    top: Math.max(0, y0 - halo),
    bottom: Math.min(height, y1 + halo),
  }));
}

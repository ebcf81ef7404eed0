/** A half-open range [start, end). */
export type Range = readonly [start: number, end: number];

/**
 * Cuts [start, end) into at most `parts` contiguous ranges whose sizes differ by at most one, in order, with no gap
 * and no overlap. Never makes an empty range: fewer items than parts gives one range per item.
 */
export function splitRange(start: number, end: number, parts: number): Range[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`parts must be a whole number ≥ 1, got ${parts}`);
  const length = end - start;
  const count = Math.min(parts, length);
  const ranges: Range[] = [];
  for (let i = 0; i < count; i++) {
    // Integer arithmetic on index boundaries keeps sizes within one of each other, even for N near 2³².
    ranges.push([start + Math.floor((length * i) / count), start + Math.floor((length * (i + 1)) / count)]);
  }
  return ranges;
}

/** Cuts a list into at most `parts` contiguous, non-empty slices, in order. */
export function splitList<T>(items: readonly T[], parts: number): T[][] {
  return splitRange(0, items.length, parts).map(([start, end]) => items.slice(start, end));
}

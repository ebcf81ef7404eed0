/**
 * Sum of values[start … end) of a Float64Array: one pass, a load and an add per element, so memory speed bounds it.
 * The playground fills the array with whole numbers, so every partial sum is an exact integer below 2⁵³ and any
 * split merges to the same bits.
 */
export function sumFloat64(values: Float64Array, start = 0, end = values.length): number {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= values.length)) {
    throw new RangeError(`sum range [${start}, ${end}) does not fit an array of ${values.length}`);
  }
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i]!;
  return sum;
}

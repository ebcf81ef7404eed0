/** The array sum's bounds, apart from its run (the settings schema is read when the page opens). */
export const MIN_SUM_LENGTH = 1_000;
/** 240 MB of doubles: copy mode holds the array, its slices and the clones at once. */
export const MAX_SUM_LENGTH = 30_000_000;

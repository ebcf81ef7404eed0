/**
 * The bounds of the queues demo's settings, apart from the code they bound: the settings schema is read when the page
 * opens (to check a link), and importing the pipeline or the crawler there would load them on every visit.
 */
export const PIPELINE_LIMITS = {
  items: { min: 1, max: 1_000_000 },
  transformers: { min: 1, max: 8 },
  capacity: { min: 0, max: 65_536 },
  costUs: { min: 0, max: 100_000 },
} as const;

export const MAX_FETCHERS = 256;

/**
 * Numbers, bytes, durations and rates as the page writes them, in one place, on Intl.NumberFormat: every table,
 * chart and export agrees on units and precision.
 */
const significant = new Intl.NumberFormat('en', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 });
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567". */
export function formatCount(count: number): string {
  return whole.format(count);
}

/** Bytes in binary units, as memory is sized: 1024 → "1 KB", 67108864 → "64 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [scale, unit] of units) if (bytes >= scale) return `${oneDecimal.format(bytes / scale)} ${unit}`;
  return `${whole.format(bytes)} B`;
}

/** Milliseconds with sensible precision: µs below 1 ms, 3 significant digits up to 1 s, whole ms above. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${significant.format(ms * 1000)} µs`;
  if (ms < 1000) return `${significant.format(ms)} ms`;
  return `${whole.format(ms)} ms`;
}

/** Seconds for long durations: 1234 → "1.23 s". */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return `${significant.format(ms / 1000)} s`;
}

/** 123456789 → "123 M/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '—';
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, unit] of units)
    if (perSecond >= scale) return `${significant.format(perSecond / scale)} ${unit}/s`;
  return `${significant.format(perSecond)} /s`;
}

/** A speedup as people say it: 1.94 → "1.94×", 0.78 → "1.28× slower" (never "0.78× as fast"). */
export function formatSpeedup(speedup: number): string {
  if (!Number.isFinite(speedup) || speedup <= 0) return '—';
  return speedup >= 1 ? `${twoDecimals.format(speedup)}×` : `${twoDecimals.format(1 / speedup)}× slower`;
}

/** A ratio such as efficiency: 0.976 → "0.98". */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? twoDecimals.format(ratio) : '—';
}

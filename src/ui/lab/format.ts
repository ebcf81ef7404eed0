/** Numbers as the lab shows them. */

/** 123456789 → "123 M/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '—';
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, unit] of units) {
    if (perSecond >= scale) return `${(perSecond / scale).toPrecision(3)} ${unit}/s`;
  }
  return `${perSecond.toPrecision(3)} /s`;
}

/** 1024 → "1 KB", 67108864 → "64 MB" (binary units). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Milliseconds with sensible precision: µs below 1 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
}

/** Bytes as the page shows them: "0 B", "12.6 MB". */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0 B';
  if (bytes < 1e3) return `${bytes.toFixed(0)} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** Milliseconds with sensible precision. */
export const formatMs = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

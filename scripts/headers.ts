/** The two headers that make a page cross-origin isolated, so that SharedArrayBuffer is available. */
export const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

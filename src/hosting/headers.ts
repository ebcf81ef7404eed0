import { contentSecurityPolicy } from './csp.ts';

/** The two headers that make a page cross-origin isolated, so that SharedArrayBuffer is available. */
export const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/**
 * What the service worker (and public/_headers) add to every same-origin response. CORP `cross-origin` rather than
 * `same-origin`: a tutorial page that is itself cross-origin isolated may then embed the playground in an iframe.
 */
export const servedHeaders = {
  ...crossOriginIsolationHeaders,
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Content-Security-Policy': contentSecurityPolicy,
} as const;

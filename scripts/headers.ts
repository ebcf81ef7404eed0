// The headers live beside the service worker that also sends them; the dev server and the benchmark read them here.
export { crossOriginIsolationHeaders } from '../src/hosting/headers.ts';

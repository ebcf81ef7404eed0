/**
 * The Content-Security-Policy the playground ships with: in public/_headers, in a `<meta http-equiv>` that the build
 * adds to every page (scripts/cspPlugin.ts, for hosts that ignore `_headers`), from `vite preview`, from the test
 * server, and from the service worker on every same-origin response (so workers get it on GitHub Pages too).
 *
 * What each line allows, and why:
 * - scripts only from the app's own files; `'wasm-unsafe-eval'` lets WebAssembly kernels compile, and nothing else
 *   (no `eval`, no `new Function`, no inline script);
 * - styles only from the app's stylesheet (Svelte's `style:` directives go through the CSSOM, which CSP allows);
 * - workers, and the service worker, only from the app's own files: no `blob:` workers are made;
 * - `connect-src 'self' https:`: the fetch demo sends requests to an address the visitor gives, which no list made in
 *   advance can name. So any https:// host is allowed here and the demo itself guards the rest
 *   (src/fetch/addressSafety.ts: private and loopback addresses refused, a link's URL confirmed, a cap per run).
 *   Plain http:// to other hosts stays blocked; an https page could not fetch it anyway (mixed content);
 * - images from the app's files (favicon, icons) and `data:`; no plugins (`object-src 'none'`); `<base>` and form targets
 *   pinned to the app.
 *
 * `frame-ancestors` is left out on purpose: tutorials on any site may embed a demo.
 */
const directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'https:'],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

function serialize(policy: Record<string, readonly string[]>): string {
  return Object.entries(policy)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy as a header value. Every directive in it also works in a `<meta http-equiv>`. */
export const contentSecurityPolicy = serialize(directives);

/**
 * The policy `vite dev` sends: the same, except that styles may be inline, because the dev server injects each
 * component's CSS as a `<style>` element (the build extracts it into a file instead).
 */
export const devContentSecurityPolicy = serialize({ ...directives, 'style-src': ["'self'", "'unsafe-inline'"] });

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { precacheFiles, type PrecacheManifest } from '../src/sw/precache.ts';

const ENTRY = fileURLToPath(new URL('../src/sw/serviceWorker.ts', import.meta.url));
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Bundles the service worker into one classic script: every browser that has service workers runs it, and it has
 * no imports that could resolve against the wrong base. The precache manifest is written into it (null: keep nothing).
 */
async function bundleServiceWorker(manifest: PrecacheManifest | null): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    define: { __PRECACHE_MANIFEST__: JSON.stringify(manifest) },
    build: {
      write: false,
      minify: true,
      lib: { entry: ENTRY, formats: ['iife'], name: 'playgroundServiceWorker', fileName: () => SERVICE_WORKER_FILE },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((file) => file.type === 'chunk');
    if (chunk) return chunk.code;
  }
  throw new Error('the service worker bundle produced no script');
}

/** Every file under a folder, by its path relative to it with `/` separators. */
function filesUnder(folder: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path).split(sep).join('/'), readFileSync(path));
  }
  return files;
}

/** The manifest of a build: its kept files, and a version that changes when any byte of them does. */
function manifestOf(contents: Map<string, string | Uint8Array>): PrecacheManifest {
  const files = precacheFiles([...contents.keys()]);
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(contents.get(file)!).update('\0');
  return { version: hash.digest('hex').slice(0, 16), files };
}

/**
 * `sw.js` at the app's root: emitted into dist/ by `vite build` with the list of every file it writes (pages,
 * scripts, workers, styles, WASM, the public folder), and bundled on request by the dev server without one, so that
 * `vite dev`, `vite preview` and a static host all run the same worker.
 */
export function serviceWorkerPlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'playground-service-worker',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (new URL(request.url ?? '/', 'http://dev').pathname !== `/${SERVICE_WORKER_FILE}`) return next();
        bundleServiceWorker(null).then((code) => {
          response.setHeader('Content-Type', 'text/javascript');
          response.setHeader('Cache-Control', 'no-cache');
          response.end(code);
        }, next);
      });
    },
    generateBundle: {
      // Last, once the pages and the workers' files are in the bundle.
      order: 'post',
      async handler(_options, bundle) {
        const contents = new Map<string, string | Uint8Array>(publicDir ? filesUnder(publicDir) : []);
        for (const [name, file] of Object.entries(bundle))
          contents.set(name, file.type === 'chunk' ? file.code : file.source);
        const source = await bundleServiceWorker(manifestOf(contents));
        this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source });
      },
    },
  };
}

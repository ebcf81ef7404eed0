import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const ENTRY = fileURLToPath(new URL('../src/sw/serviceWorker.ts', import.meta.url));
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Bundles the service worker into one classic script: every browser that has service workers runs it, and it has
 * no imports that could resolve against the wrong base.
 */
async function bundleServiceWorker(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
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

/**
 * `sw.js` at the app's root: emitted into dist/ by `vite build`, and bundled on request by the dev server, so that
 * `vite dev`, `vite preview` and a static host all run the same worker.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'playground-service-worker',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (new URL(request.url ?? '/', 'http://dev').pathname !== `/${SERVICE_WORKER_FILE}`) return next();
        bundleServiceWorker().then((code) => {
          response.setHeader('Content-Type', 'text/javascript');
          response.setHeader('Cache-Control', 'no-cache');
          response.end(code);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: await bundleServiceWorker() });
    },
  };
}

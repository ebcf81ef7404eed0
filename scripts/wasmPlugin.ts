import type { Plugin } from 'vite';
import { buildWasm, WASM_SOURCES } from './wasmBuild.ts';

/**
 * Builds the kernels' WebAssembly before Vite bundles (so `new URL('./build/….wasm', import.meta.url)` finds it),
 * and in the dev server rebuilds it when an AssemblyScript source changes, then reloads the page.
 */
export function wasmPlugin(): Plugin {
  return {
    name: 'kernels-wasm',
    async buildStart() {
      await buildWasm({ log: (line) => this.info(line) });
    },
    configureServer(server) {
      server.watcher.add(WASM_SOURCES);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(WASM_SOURCES)) return;
        buildWasm({ log: (line) => server.config.logger.info(line) }).then(
          () => server.ws.send({ type: 'full-reload' }),
          (error: Error) => server.config.logger.error(error.message),
        );
      });
    },
  };
}

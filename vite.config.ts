import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumExecutable, webgpuArgs } from './scripts/chromium.ts';
import { compileHintsPlugin } from './scripts/compileHintsPlugin.ts';
import { cspPlugin } from './scripts/cspPlugin.ts';
import { crossOriginIsolationHeaders } from './scripts/headers.ts';
import { serviceWorkerPlugin } from './scripts/serviceWorkerPlugin.ts';
import { wasmPlugin } from './scripts/wasmPlugin.ts';

/** The modules of the `demo-core` chunk (see `codeSplitting` below). */
const DEMO_CORE = [
  /\/src\/measure\/(amdahl|noise|tables|sweepProgress|calibrate|calibration|workerCounts|stats)\.ts$/,
  /\/src\/(learn\/(prediction|guess\.svelte|glossary|definitionOf\.svelte)|pool\/errors|format|settings\/fields)\.ts$/,
  /\/src\/demos\/(fields|pythonNotes|runState\.svelte|demo)\.ts$/,
  /\/src\/run\//,
  /\/src\/ui\/(SettingsFields|TextField|ProgressBar|PythonNote)\.svelte$/,
  /\/src\/ui\/shell\/(DemoView|DemoSection|DemoLab|LabForm|RunControls|Predict|Detail|Term|TermText|LinkNotices)\.svelte$/,
  /\/src\/ui\/shell\/(embedded|lazy\.svelte|submitTo)\.ts$/,
];

/** The chunks the page runs as it starts (the entry, the frame, the demo shell) or a demo as it mounts (its view). */
const COMPILED_ON_LOAD = new Set(['main', 'demo-core', 'tasks', 'App', 'EmbedApp', 'View']);

export default defineConfig({
  // Relative base: the built app works from a domain root or any subpath, workers included.
  base: './',
  plugins: [svelte(), serviceWorkerPlugin(), cspPlugin(), wasmPlugin(), compileHintsPlugin(COMPILED_ON_LOAD)],
  worker: { format: 'es' },
  build: {
    // bench.html is the page `npm run bench` drives; it ships beside the app and shows nothing by itself.
    // machines.html is a bare page of the machines job queue for its end-to-end tests.
    rolldownOptions: {
      input: { main: 'index.html', bench: 'bench.html', machines: 'machines.html' },
      // A component does nothing by being imported (its top-level statements only set it up), so one a chunk imports
      // but never renders is left out: a view that takes three components from src/ui/shell does not load the rest.
      treeshake: { moduleSideEffects: (id) => (/\/src\/.*\.svelte$/.test(id) ? false : undefined) },
      // Demos load on demand (src/demos/registry.ts), which splits the modules they share into many small chunks;
      // these groups join the small ones a demo needs before it is usable, as one file each (fewer requests, and
      // gzip compresses one file better than ten). The pool and the results stay apart: they load with a run.
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'tasks',
              // The speedup demo's tasks; the scheduling demo's uneven ones (src/tasks/unevenTasks.ts) load with it.
              test: /\/src\/tasks\/(index|task|fib|sum|split|validate)\.ts|\/workers\/kernels\/(fib|sum|backend)\.ts/,
            },
            // Everything a demo needs until its first run, the Svelte runtime included: one file for the shell
            // (section, settings form, Run button, terms), the settings, the calibration and the run's bookkeeping.
            { name: 'demo-core', test: (id: string) => DEMO_CORE.some((module) => module.test(id)) },
          ],
        },
      },
    },
    // Every browser the app supports preloads modules by itself.
    modulePreload: { polyfill: false },
    // The kernels' .wasm stay files (never data: URLs): a strict connect-src would refuse to fetch a data: URL.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  server: { headers: crossOriginIsolationHeaders },
  preview: { headers: crossOriginIsolationHeaders },
  test: {
    // The kernels' WebAssembly, built from source before any test loads it.
    globalSetup: ['scripts/wasmBuild.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              // WebGPU on: the GPU backend's tests run on the SwiftShader adapter. gc() exposed: the pool's
              // lifetime test collects deterministically instead of hoping a busy machine's collector runs in time.
              launchOptions: {
                executablePath: chromiumExecutable(),
                args: [...chromiumArgs, ...webgpuArgs, '--js-flags=--expose-gc'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

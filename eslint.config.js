import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers, lowest first: kernels ← tasks ← pool ← measure ← experiments (image, lab, fetch, gpu, queues) ← settings and runs ←
 * demos ← the UI shell. A module may import from its own layer and those below, never from above: the rule below
 * names, for each folder, the folders it must not reach.
 */
const ABOVE = {
  tasks: [
    'pool',
    'measure',
    'image',
    'lab',
    'fetch',
    'queues',
    'machines',
    'gpu',
    'hosting',
    'settings',
    'run',
    'demos',
    'ui',
  ],
  pool: ['measure', 'image', 'lab', 'fetch', 'queues', 'machines', 'gpu', 'hosting', 'settings', 'run', 'demos', 'ui'],
  measure: ['image', 'lab', 'fetch', 'queues', 'machines', 'gpu', 'hosting', 'settings', 'run', 'demos', 'ui'],
  gpu: ['lab', 'fetch', 'hosting', 'settings', 'run', 'demos', 'ui'],
  image: ['hosting', 'settings', 'run', 'demos', 'ui'],
  lab: ['hosting', 'settings', 'run', 'demos', 'ui'],
  fetch: ['hosting', 'settings', 'run', 'demos', 'ui'],
  queues: ['hosting', 'settings', 'run', 'demos', 'ui'],
  machines: ['lab', 'image', 'fetch', 'hosting', 'settings', 'run', 'demos', 'ui'],
  settings: ['demos', 'ui'],
  run: ['demos', 'ui'],
};

const forbid = (folders, message) => [
  'error',
  { patterns: [{ group: folders.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]), message }] },
];

const layers = [
  {
    files: ['workers/kernels/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['src', '*.worker', '*.worker.ts'], 'Kernels are pure: nothing from the app.'),
    },
  },
  ...Object.entries(ABOVE).map(([folder, above]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': forbid(above, `src/${folder} sits below ${above.join(', ')}.`) },
  })),
  {
    // A demo's state is framework-free of the UI: only its view uses the shared components.
    files: ['src/demos/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(['ui'], 'Demo state does not use UI components; its view does.') },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/demos/*/**'], message: 'The shell serves every demo and knows none of them.' }] },
      ],
    },
  },
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'workers/kernels/wasm/as/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  ...layers,
);

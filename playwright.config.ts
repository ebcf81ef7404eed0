import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium.ts';
import { PORT, STATIC_PORT } from './tests/e2e/ports.ts';

/**
 * End-to-end tests run against the built app (`vite build` first), two ways:
 * - `preview`: as `vite preview` serves it, COOP/COEP headers and all (tests/e2e/*.spec.ts);
 * - `static`: from a plain static server at /demos/pp/ without those headers, where the service worker has to make
 *   the page cross-origin isolated (tests/e2e/static/*.spec.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
  },
  projects: [
    { name: 'preview', testIgnore: 'static/**', use: { baseURL: `http://localhost:${PORT}/` } },
    { name: 'static', testMatch: 'static/**/*.spec.ts', use: { baseURL: `http://localhost:${STATIC_PORT}/demos/pp/` } },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx tsx scripts/static-server.ts --port ${STATIC_PORT} --base /demos/pp/`,
      url: `http://localhost:${STATIC_PORT}/demos/pp/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});

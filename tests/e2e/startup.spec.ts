import { expect, test, type Page } from '@playwright/test';
import { mountEveryDemo } from './pageDemos';

/** Fast to open (issue 10): each demo is its own chunk, mounted when it is needed; no long task at start-up. */

/** The JavaScript files the page fetches, by file name. */
function scriptsOf(page: Page): string[] {
  const names: string[] = [];
  page.on('response', (response) => {
    const name = new URL(response.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.js')) names.push(name);
  });
  return names;
}

const views = (names: string[]) => names.filter((name) => /^View-[\w-]+\.js$/.test(name));

test('an embed fetches its own demo’s chunk and no other demo’s', async ({ page }) => {
  const names = scriptsOf(page);
  await page.goto('./?embed=speedup');
  await expect(page.locator('[data-demo="speedup"] button[type="submit"]')).toBeEnabled();
  await page.waitForLoadState('networkidle');
  expect(views(names)).toHaveLength(1);
  // The machines' job queue, the pipelines and the crawler belong to other demos.
  expect(names.filter((name) => /^(session|lab|Timeline)-/.test(name))).toEqual([]);
});

test('the chunks an embed runs as it starts open with V8’s compile hint, so they compile off the main thread', async ({
  page,
}) => {
  const firstLines = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    const name = new URL(response.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.js'))
      firstLines.set(
        name,
        response.text().then((text) => text.split('\n', 1)[0]!),
      );
  });
  await page.goto('./?embed=speedup');
  await expect(page.locator('[data-demo="speedup"] button[type="submit"]')).toBeEnabled();
  const runAtStart = [...firstLines.keys()].filter((name) => /^(main|demo-core|EmbedApp|View)-[\w-]+\.js$/.test(name));
  expect(runAtStart).toHaveLength(4);
  for (const name of runAtStart) expect(await firstLines.get(name), name).toBe('//# allFunctionsCalledOnLoad');
});

test('the full page mounts the demos near the viewport, each its own chunk, and the others as they are reached', async ({
  page,
}) => {
  const names = scriptsOf(page);
  await page.goto('./');
  await expect(page.locator('[data-demo="speedup"] button[type="submit"]')).toBeEnabled();
  // Every demo's heading is there for the navigation, rendered or not yet.
  await expect(page.locator('main h2:not(#glossary-heading)')).toHaveCount(13);
  await page.waitForLoadState('networkidle');
  // A demo far below the first screen waits for the reader: its view's chunk is not fetched.
  const machine = page.locator('#machine');
  await expect(machine.locator('section.placeholder')).toBeAttached();
  expect(views(names).length).toBeLessThan(13);
  await machine.scrollIntoViewIfNeeded();
  await expect(page.locator('section[data-demo="machine"]:not(.placeholder)')).toBeVisible();
  await mountEveryDemo(page);
  expect(views(names).length).toBeGreaterThanOrEqual(13);
});

test('a deep link to a demo low on the page lands on it, rendered', async ({ page }) => {
  await page.goto('./#scheduling');
  const demo = page.locator('section[data-demo="scheduling"]');
  await expect(demo.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await expect(demo.locator('h2')).toBeInViewport();
  // A link followed later, to a demo not yet mounted, lands too.
  await page.goto('./');
  await page.evaluate(() => (location.hash = '#machine'));
  await expect(page.locator('section[data-demo="machine"]:not(.placeholder) h2')).toBeInViewport();
});

test('no main-thread task of start-up is long (a generous 400 ms on a busy machine)', async ({ page }) => {
  await page.addInitScript(() => {
    const durations: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = durations;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto('./');
  await expect(page.locator('[data-demo="speedup"] button[type="submit"]')).toBeEnabled();
  await mountEveryDemo(page);
  await expect(page.getByTestId('picture-line')).toContainText('1200×800');
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.info(`start-up long tasks (ms): ${longTasks.map(Math.round).join(', ') || 'none over 50'}`);
  expect(Math.max(0, ...longTasks)).toBeLessThan(400);
});

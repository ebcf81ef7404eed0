import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoIds, mountEveryDemo, showDemo } from './pageDemos';

/**
 * Accessibility: axe-core against WCAG 2.1 AA in light and dark, on the full page and on every embed, before and
 * after runs; reduced motion; the timeline's keyboard use.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'] as const;
const ENDED = /Done\.|Cancelled|Stopped|Failed/;

/** The violations in both colour schemes, one line each, so that a failure says what and where. */
async function violations(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const v of results.violations)
      for (const node of v.nodes)
        found.push(`${where}, ${scheme}: ${v.id} (${v.impact}) at ${node.target.join(' ')}: ${node.failureSummary}`);
  }
  return found;
}

/** Runs a section's first experiment with its defaults and waits until it has ended. */
async function runDefaults(section: Locator): Promise<void> {
  const run = section.locator('.run-controls button[type="submit"]').first();
  await run.scrollIntoViewIfNeeded();
  await run.click();
  await expect(section.locator('.run-controls [role="status"]').first()).toHaveText(ENDED, { timeout: 90_000 });
}

test('the full page has no axe violations in light or dark, before and after runs', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await mountEveryDemo(page);
  const found = await violations(page, 'before any run');
  // Speedup (its chart and Amdahl panel), Scheduling (the timeline), fetch (its request timeline).
  for (const id of ['speedup', 'scheduling', 'fetch']) await runDefaults(page.locator(`section[data-demo="${id}"]`));
  found.push(...(await violations(page, 'after the runs')));
  expect(found).toEqual([]);
});

test('every embed has no axe violations in light or dark, has its own <h1> and title; Speedup after a run too', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('./');
  const ids = await demoIds(page);
  expect(ids.length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const id of ids) {
    await page.goto(`./?embed=${id}`);
    const section = page.locator(`section[data-demo="${id}"]`);
    await expect(section).toBeVisible();
    const title = await section.locator(`#${id}-heading`).innerText();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page).toHaveTitle(`${title} — Parallel Playground`);
    found.push(...(await violations(page, `the ${id} embed`)));
    if (id === 'speedup') {
      await runDefaults(section);
      found.push(...(await violations(page, 'the speedup embed after a run')));
    }
  }
  // The theme parameter wins over the reader's preference.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./?embed=speedup&theme=dark');
  await expect(page.locator('section[data-demo="speedup"]')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  found.push(...results.violations.map((v) => `the speedup embed, theme=dark: ${v.id} ${v.nodes.length}×`));
  expect(found).toEqual([]);
});

test('the compact embeds have no axe violations in light or dark; Speedup after a run too', async ({ page }) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  for (const id of ['speedup', 'fetch']) {
    await page.goto(`./?embed=${id}&controls=minimal`);
    const section = page.locator(`section[data-demo="${id}"]`);
    await expect(section.locator('.run-controls').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    found.push(...(await violations(page, `the compact ${id} embed`)));
  }
  // A short sweep: the results area scrolls inside the embed, and must be reachable by keyboard.
  await page.goto('./?embed=speedup&controls=minimal&speedup.fib-n=20&speedup.workers=1-2&speedup.reps=1');
  await runDefaults(page.locator('section[data-demo="speedup"]'));
  await expect(page.getByRole('region', { name: 'Speedup results' })).toBeVisible();
  found.push(...(await violations(page, 'the compact speedup embed after a run')));
  expect(found).toEqual([]);
});

test('under reduced motion nothing moves while idle; the frame meter has a pause control', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./#frozen');
  const demo = page.locator('section[data-demo="frozen"]');
  const ball = demo.locator('circle.ball');
  const latest = demo.getByTestId('latest-frame');
  await ball.scrollIntoViewIfNeeded();
  await expect(ball).toBeInViewport();
  const pause = demo.getByRole('button', { name: 'Play the meter' });
  await expect(pause).toHaveAttribute('aria-pressed', 'true');

  const still = async () => ({ x: await ball.getAttribute('cx'), latest: await latest.innerText() });
  const before = await still();
  await page.waitForTimeout(600);
  expect(await still()).toEqual(before);
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  // No live region on the page changes while nothing runs.
  await expect(page.locator('output')).toHaveCount(0);

  // Played on request, it moves; paused again, it stops.
  await pause.click();
  await expect.poll(async () => (await still()).x, { timeout: 5_000 }).not.toBe(before.x);
  await demo.getByRole('button', { name: 'Pause the meter' }).click();
  const paused = await still();
  await page.waitForTimeout(400);
  expect(await still()).toEqual(paused);
});

test('without a motion preference the meter moves, and its pause button stops it', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('./');
  const demo = await showDemo(page, 'frozen');
  const ball = demo.locator('circle.ball');
  // Scrolled to by its meter, which holds still: the moving ball itself never passes Playwright's stability check.
  await demo.locator('figure').first().scrollIntoViewIfNeeded();
  await expect(ball).toBeInViewport();
  const first = await ball.getAttribute('cx');
  await expect.poll(() => ball.getAttribute('cx'), { timeout: 5_000 }).not.toBe(first);
  await demo.getByRole('button', { name: 'Pause the meter' }).click();
  const stopped = await ball.getAttribute('cx');
  await page.waitForTimeout(400);
  expect(await ball.getAttribute('cx')).toBe(stopped);
});

test('the timeline is one Tab stop; arrow keys move between its bars, Space picks one without scrolling', async ({
  page,
}) => {
  await page.goto('./#scheduling');
  const section = page.locator('section[data-demo="scheduling"]');
  await section.getByLabel('Width (px)').fill('120');
  await section.getByLabel('Height (px)').fill('64');
  await section.getByRole('textbox', { name: 'Chunk size (rows)' }).fill('4');
  await section.getByLabel('Timed runs each').fill('1');
  await section.getByRole('button', { name: 'Start' }).click();
  await expect(section.getByTestId('scheduling-status')).toHaveText('Done.', { timeout: 30_000 });
  const timeline = section.locator('.timeline svg');
  await expect(timeline.locator('.bar')).toHaveCount(16);
  await expect(timeline.locator('.bar[tabindex="0"]')).toHaveCount(1);

  // From the control before the timeline, one Tab lands on a bar, and the next Tab leaves the timeline.
  await section.getByRole('button', { name: /Download trace/ }).focus();
  await page.keyboard.press('Tab');
  const focusedChunk = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.chunk);
  const start = await focusedChunk();
  expect(start).toBeDefined();
  await expect(section.getByTestId('timeline-focus')).toBeVisible();

  await page.keyboard.press('ArrowRight');
  const next = await focusedChunk();
  expect(next).toBeDefined();
  expect(next).not.toBe(start);
  await expect(section.getByTestId('timeline-details')).toContainText(`rows ${Number(next) * 4}–`);
  await page.keyboard.press('End');
  expect(await focusedChunk()).toBeDefined();

  const scrolled = await page.evaluate(() => scrollY);
  await page.keyboard.press(' ');
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);

  await page.keyboard.press('Tab');
  expect(await focusedChunk()).toBeUndefined();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedChunk()).toBeDefined();
});

import { expect, test } from '@playwright/test';
import { contentSecurityPolicy } from '../../src/hosting/csp.ts';
import { collectCspViolations, tryInlineScript } from './cspViolations.ts';

test('every demo loads, and a sweep runs in workers, under the shipped CSP with 0 violations', async ({ page }) => {
  const violations = await collectCspViolations(page);
  const response = await page.goto('./');
  expect(response!.headers()['content-security-policy']).toBe(contentSecurityPolicy);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    contentSecurityPolicy,
  );
  await expect(page.getByTestId('isolated')).toHaveText(/yes/);
  const demos = await page
    .getByRole('navigation', { name: 'Demos' })
    .getByRole('link')
    .evaluateAll((links) =>
      links.map((link) => ({ id: new URL((link as HTMLAnchorElement).href).hash.slice(1), title: link.textContent! })),
    );
  expect(demos.length).toBeGreaterThanOrEqual(5);

  // Each demo alone, as an embed: every one mounts its own charts, canvases and workers.
  for (const { id, title } of demos) {
    await page.goto(`./?embed=${id}`);
    await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
  }

  // Workers, shared memory and the chart, under the policy.
  await page.goto(
    './?embed=speedup&speedup.task=fib&speedup.fib-n=22&speedup.fib-k=4&speedup.workers=1-2&speedup.reps=1',
  );
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Done.', { timeout: 30_000 });

  expect(violations).toEqual([]);

  // The policy is in force and the collector hears it: an injected inline script does not run, and is reported.
  expect(await tryInlineScript(page)).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(1);
  expect(violations.join('\n')).toMatch(/script-src/);
});

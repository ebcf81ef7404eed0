import { expect, test } from '@playwright/test';
import { contentSecurityPolicy } from '../../../src/hosting/csp.ts';
import { collectCspViolations, tryInlineScript } from '../cspViolations.ts';

test('the static host sends the policy too, and the isolated page runs under it with 0 violations', async ({
  page,
}) => {
  const violations = await collectCspViolations(page);
  const response = await page.goto('./');
  expect(response!.headers()['content-security-policy']).toBe(contentSecurityPolicy);
  await expect(page.getByTestId('isolated')).toHaveText(/yes/, { timeout: 15_000 });
  // Once the service worker controls the page, it keeps the host's policy rather than adding a second one.
  const reloaded = await page.reload();
  expect(reloaded!.fromServiceWorker()).toBe(true);
  expect(reloaded!.headers()['content-security-policy']).toBe(contentSecurityPolicy);
  expect(violations).toEqual([]);
});

test.describe('a host that sends no headers at all', () => {
  // No service worker (it would add the header itself): only the page's <meta> can enforce the policy.
  test.use({ serviceWorkers: 'block' });

  test('the <meta> policy alone blocks an inline script, and the app runs under it with 0 violations', async ({
    page,
  }) => {
    await page.route('**/demos/pp/**', async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    });
    const violations = await collectCspViolations(page);
    const response = await page.goto('./?embed=speedup');
    expect(response!.headers()['content-security-policy']).toBeUndefined();
    await expect(page.getByRole('heading', { name: 'Speedup' })).toBeVisible();
    expect(violations).toEqual([]);
    expect(await tryInlineScript(page)).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(1);
  });
});

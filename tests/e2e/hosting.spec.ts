import { expect, test } from '@playwright/test';
import { showDemo } from './pageDemos';

// vite preview sends COOP/COEP itself, as a host configured by public/_headers or the README's lines would.
test('a host that sends the headers: isolated at once, the service worker starts, and no reload', async ({ page }) => {
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  await page.goto('./');
  await expect(page.getByTestId('isolated')).toHaveText(/yes/);
  // The service worker is still wanted here: it answers the fetch demo's latency endpoint.
  await showDemo(page, 'fetch');
  await expect(page.getByTestId('fetch-source')).toContainText('api/delay');
  await page.waitForTimeout(1000); // a reload, if one were coming, would have happened by now
  expect(navigations).toBe(1);
  await expect(page.getByTestId('service-worker-note')).toHaveCount(0);
});

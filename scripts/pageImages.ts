/**
 * Draws the page's raster images with Chromium, from public/favicon.svg: the social preview (Open Graph, Twitter
 * card; 1200×630) and the web app manifest's PNG icons (192 and 512 px). Their output is committed in public/; run
 * this again after changing the favicon or the wording below.
 *
 *   npx tsx scripts/pageImages.ts
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './chromium.ts';

const icon = readFileSync('public/favicon.svg', 'utf8');
const iconUrl = `data:image/svg+xml;base64,${Buffer.from(icon).toString('base64')}`;

/** Speedup against workers as the playground plots it: measured points under the ideal line. */
function chart(): string {
  const points = [1, 1.9, 2.7, 3.3, 3.6, 3.7];
  const x = (p: number) => 40 + (p - 1) * 90;
  const y = (s: number) => 320 - (s - 1) * 55;
  const measured = points.map((s, i) => `${x(i + 1)},${y(s)}`).join(' ');
  const dots = points.map((s, i) => `<circle cx="${x(i + 1)}" cy="${y(s)}" r="9" fill="#2457c5"/>`).join('');
  return `<svg width="520" height="360" viewBox="0 0 520 360">
    <line x1="40" y1="320" x2="500" y2="320" stroke="#c9ccd4" stroke-width="3"/>
    <line x1="40" y1="320" x2="40" y2="20" stroke="#c9ccd4" stroke-width="3"/>
    <line x1="${x(1)}" y1="${y(1)}" x2="${x(6)}" y2="${y(6)}" stroke="#9aa0ad" stroke-width="3" stroke-dasharray="10 8"/>
    <polyline points="${measured}" fill="none" stroke="#2457c5" stroke-width="6"/>${dots}</svg>`;
}

const social = `<!doctype html><html><body style="margin:0">
  <div style="width:1200px;height:630px;box-sizing:border-box;padding:64px 72px;display:flex;gap:40px;
      align-items:center;background:#fdfdfc;color:#1c1d21;font-family:system-ui,sans-serif">
    <div style="flex:1">
      <img src="${iconUrl}" width="96" height="96" alt="">
      <h1 style="font-size:68px;line-height:1.05;margin:28px 0 20px">Parallel Playground</h1>
      <p style="font-size:32px;line-height:1.35;margin:0;color:#5d6069">
        Watch parallel computing happen on your own machine: Web Workers, shared memory, measured speedup.</p>
    </div>
    ${chart()}
  </div></body></html>`;

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(social);
  await page.screenshot({ path: 'public/social-preview.png' });
  for (const size of [192, 512]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<body style="margin:0"><img src="${iconUrl}" width="${size}" height="${size}"></body>`);
    await page.screenshot({ path: `public/icon-${size}.png`, omitBackground: true });
  }
} finally {
  await browser.close();
}
console.log('public/social-preview.png, public/icon-192.png, public/icon-512.png');

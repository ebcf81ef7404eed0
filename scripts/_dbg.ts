import { chromium } from 'playwright';
import { gzipSync } from 'node:zlib';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const path of process.argv.slice(2)) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } }); const p = await ctx.newPage();
  const rows: Promise<string>[] = [];
  p.on('response', (r) => { if (r.url().endsWith('.js')) rows.push(r.body().then((body) => `${(gzipSync(body).length/1024).toFixed(1)}\t${r.url().split('/').pop()}`)); });
  await p.goto('http://localhost:4320/' + path);
  await p.waitForSelector('[data-demo="speedup"] button[type="submit"]:not([disabled])');
  const n = rows.length;
  console.log('==', path, await p.evaluate(() => [...document.querySelectorAll('section.demo')].map((s) => (s.classList.contains('placeholder') ? '-' : '+') + s.getAttribute('aria-labelledby')).join(' ')));
  console.log((await Promise.all(rows.slice(0, n))).sort().join('\n'));
  await ctx.close();
}
await b.close();

/**
 * A plain static server for the end-to-end tests, as GitHub Pages serves the app: dist/ mounted at a subpath, no
 * COOP/COEP. It does send the app's Content-Security-Policy, so that every end-to-end run checks the app under it
 * (the `<meta>` policy in each page is the same one). It also serves a tutorial-like parent page at /parent.html?demo=<id> that embeds one demo from the other
 * host name (open the parent on 127.0.0.1, the embed comes from localhost: two origins), and an empty tutorial page at
 * /tutorial.html in which a test pastes a copied embed code.
 *
 *   tsx scripts/static-server.ts --port 4511 [--base /demos/pp/]
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { contentSecurityPolicy } from '../src/hosting/csp.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4511' }, base: { type: 'string', default: '/demos/pp/' } },
});
const port = Number(values.port);
const base = values.base!;
const files = sirv('dist', { dev: true, etag: true });

/** The parent page: an iframe of one demo, and a listener that records and applies the height the embed reports. */
function parentPage(demo: string): string {
  const src = `http://localhost:${port}${base}?embed=${demo}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A tutorial</title></head>
<body>
<h1>A tutorial that embeds a demo</h1>
<iframe id="embed" src="${src}" title="Parallel Playground" width="100%" height="300" style="border: 0"
  allow="cross-origin-isolated"></iframe>
<script>
  window.heights = [];
  addEventListener('message', (event) => {
    if (event.data?.type !== 'parallel-playground:height') return;
    window.heights.push({ origin: event.origin, demo: event.data.demo, height: event.data.height });
    document.getElementById('embed').style.height = event.data.height + 'px';
  });
</script>
</body></html>`;
}

/** A tutorial page with nothing in it yet, on whichever host name it is opened. */
const EMPTY_TUTORIAL = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A tutorial</title></head>
<body><h1>A tutorial that pastes an embed code</h1></body></html>`;

createServer((request, response) => {
  const url = new URL(request.url ?? '/', `http://localhost:${port}`);
  if (url.pathname === '/tutorial.html') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(EMPTY_TUTORIAL);
    return;
  }
  if (url.pathname === '/parent.html') {
    const demo = url.searchParams.get('demo') ?? '';
    if (!/^[a-z][a-z0-9-]*$/.test(demo)) {
      response.writeHead(400).end('demo must be a demo id');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(parentPage(demo));
    return;
  }
  if (url.pathname === base.slice(0, -1)) {
    response.writeHead(301, { Location: base + url.search }).end();
    return;
  }
  if (!url.pathname.startsWith(base)) {
    response.writeHead(404).end('not found');
    return;
  }
  request.url = request.url!.slice(base.length - 1);
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  files(request, response, () => {
    response.writeHead(404).end('not found');
  });
}).listen(port, () => console.log(`dist/ at http://localhost:${port}${base}, parent page at /parent.html?demo=<id>`));

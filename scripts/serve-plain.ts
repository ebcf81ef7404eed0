/**
 * Serves the built app (dist/) WITHOUT the cross-origin isolation headers, as a careless static host would: the
 * end-to-end tests check that the playground still works there and says why shared memory is off.
 *
 * Usage: tsx scripts/serve-plain.ts <port>
 */
import { createServer } from 'node:http';
import sirv from 'sirv';

const port = Number(process.argv[2] ?? 4175);
const serve = sirv('dist', { etag: true });
createServer((request, response) =>
  serve(request, response, () => {
    response.statusCode = 404;
    response.end('not found');
  }),
).listen(port, () => console.log(`dist/ without COOP/COEP on http://localhost:${port}/`));

import type { Plugin } from 'vite';
import { contentSecurityPolicy, devContentSecurityPolicy } from '../src/hosting/csp.ts';

/**
 * The Content-Security-Policy on every page of the app, from src/hosting/csp.ts:
 * - as a `<meta http-equiv>` right after each page's `<meta charset>` (index.html, bench.html), for hosts that
 *   cannot send headers; it must come before any script to cover it;
 * - as a header from `vite dev` (with inline styles, which the dev server injects) and `vite preview`.
 * Not under Vitest: its browser mode serves its own pages, with inline scripts, from the same dev server.
 */
export function cspPlugin(): Plugin {
  let policy = contentSecurityPolicy;
  return {
    name: 'playground-csp',
    apply: () => !process.env.VITEST,
    configResolved(config) {
      if (config.command === 'serve') policy = devContentSecurityPolicy;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename }) {
        const charset = /<meta charset="[^"]*" \/>/i;
        if (!charset.test(html)) throw new Error(`${filename}: no <meta charset> to put the policy after`);
        if (/["<>&]/.test(policy)) throw new Error('the policy needs escaping to go in an attribute');
        return html.replace(
          charset,
          (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
        );
      },
    },
    configureServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', devContentSecurityPolicy);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', contentSecurityPolicy);
        next();
      });
    },
  };
}

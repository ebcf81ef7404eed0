import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, devContentSecurityPolicy } from '../../src/hosting/csp';
import { servedHeaders } from '../../src/hosting/headers';

/** `name: value` lines of public/_headers, as Netlify and Cloudflare Pages read them for the path `/*`. */
function shippedHeaders(): Record<string, string> {
  const lines = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8').split('\n');
  const start = lines.indexOf('/*');
  expect(start).toBeGreaterThanOrEqual(0);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/) as [string, ...string[]])
      .map(([n, ...s]) => [n, s]),
  );

describe('the shipped Content-Security-Policy', () => {
  it('is the same in public/_headers as in the service worker and the servers', () => {
    expect(shippedHeaders()).toEqual(servedHeaders);
  });

  it('is strict: everything from the app itself, no eval, no inline script, no plugins', () => {
    const policy = directives(contentSecurityPolicy);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*|blob:/);
    // Directives a <meta> policy ignores would make the header and the meta differ.
    expect(contentSecurityPolicy).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  });

  it('differs under vite dev only by allowing the inline styles the dev server injects', () => {
    const dev = directives(devContentSecurityPolicy);
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    dev.set('style-src', ["'self'"]);
    expect(dev).toEqual(directives(contentSecurityPolicy));
  });
});

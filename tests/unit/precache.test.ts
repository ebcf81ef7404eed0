import { describe, expect, it } from 'vitest';
import { cacheName, precachedFile, precacheFiles, staleCaches, type RequestFacts } from '../../src/sw/precache';

const SCOPE = 'https://example.org/demos/pp/';
const FILES = new Set(['index.html', 'bench.html', 'assets/main-abc.js', 'assets/compute.worker-def.js', 'x.txt']);

const request = (url: string, facts: Partial<RequestFacts> = {}): RequestFacts => ({
  url: new URL(url, SCOPE).href,
  method: 'GET',
  mode: 'cors',
  cache: 'default',
  ...facts,
});

describe('precacheFiles', () => {
  it('keeps every built file but the service worker, the header rules and source maps, in a stable order', () => {
    expect(
      precacheFiles(['sw.js', 'index.html', '_headers', 'assets/main-abc.js', 'assets/main-abc.js.map', 'a.css']),
    ).toEqual(['a.css', 'assets/main-abc.js', 'index.html']);
  });
});

describe('staleCaches', () => {
  it("names this app's other versions only", () => {
    const current = cacheName({ version: 'v2', files: [] });
    expect(current).toBe('parallel-playground-v2');
    expect(staleCaches(['parallel-playground-v1', current, 'someone-else', 'parallel-playground-v0'], current)).toEqual(
      ['parallel-playground-v1', 'parallel-playground-v0'],
    );
  });
});

describe('precachedFile', () => {
  it('answers a page load of the app with its HTML, whatever the query', () => {
    for (const url of ['./', './?embed=fetch&fetch.n=20', './index.html', './index.html?theme=dark#speedup']) {
      expect(precachedFile(request(url, { mode: 'navigate', cache: 'no-cache' }), SCOPE, FILES)).toBe('index.html');
    }
    expect(precachedFile(request('./bench.html', { mode: 'navigate' }), SCOPE, FILES)).toBe('bench.html');
    expect(precachedFile(request('./missing.html', { mode: 'navigate' }), SCOPE, FILES)).toBeNull();
    expect(precachedFile(request('./x.txt', { mode: 'navigate' }), SCOPE, FILES)).toBeNull();
  });

  it('answers kept scripts and workers asked for exactly', () => {
    expect(precachedFile(request('./assets/main-abc.js'), SCOPE, FILES)).toBe('assets/main-abc.js');
    expect(precachedFile(request('./assets/compute.worker-def.js', { mode: 'same-origin' }), SCOPE, FILES)).toBe(
      'assets/compute.worker-def.js',
    );
  });

  it('leaves to the network: queries, no-store and reload requests, other methods, paths outside the scope', () => {
    expect(precachedFile(request('./x.txt?run=1&i=0'), SCOPE, FILES)).toBeNull();
    expect(precachedFile(request('./x.txt', { cache: 'no-store' }), SCOPE, FILES)).toBeNull();
    expect(precachedFile(request('./x.txt', { cache: 'reload' }), SCOPE, FILES)).toBeNull();
    expect(precachedFile(request('./x.txt', { method: 'POST' }), SCOPE, FILES)).toBeNull();
    expect(precachedFile(request('/x.txt'), SCOPE, FILES)).toBeNull();
    expect(precachedFile(request('https://other.example/demos/pp/x.txt'), SCOPE, FILES)).toBeNull();
    expect(precachedFile(request('./api/delay?ms=5'), SCOPE, FILES)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_FOLDERS, DEMOS, schemasForLink, withMetas } from '../../src/demos/registry';
import type { Environment } from '../../src/environment';
import { readLink, type Schema } from '../../src/settings';

const env: Environment = {
  hardwareConcurrency: 4,
  crossOriginIsolated: true,
  browser: 'test',
  notIsolatedReason: null,
};

/** Every demo's schema, as the page read them all before schemas were loaded on demand. */
async function allSchemas(): Promise<Map<string, Schema>> {
  return new Map(await Promise.all(DEMOS.map(async (entry) => [entry.id, await entry.schema(env)] as const)));
}

describe('the demo registry', () => {
  it('gives each demo a distinct id, the one its meta has, in page order', async () => {
    const demos = await withMetas();
    expect(demos.map((demo) => demo.meta.id)).toEqual(DEMOS.map((entry) => entry.id));
    expect(new Set(DEMOS.map((entry) => entry.id)).size).toBe(DEMOS.length);
  });

  it('puts every demo folder on the page, each with its view', () => {
    expect([...DEMO_FOLDERS].sort()).toEqual(DEMOS.map((entry) => entry.id).sort());
    for (const entry of DEMOS)
      expect([typeof entry.meta, typeof entry.load], entry.id).toEqual(['function', 'function']);
  });

  it('loads the schemas of the embedded demo and of the demos a link names, and no other', async () => {
    const ids = async (search: string) => [...(await schemasForLink(new URLSearchParams(search), env)).keys()];
    expect(await ids('')).toEqual([]);
    expect(await ids('embed=speedup&theme=dark')).toEqual(['speedup']);
    expect(await ids('races.workers=2&embed=fetch&nothing.x=1&speedup=3')).toEqual(['fetch', 'races']);
  });

  it('reads a link against the schemas it names exactly as against every schema', async () => {
    const all = await allSchemas();
    const links = [
      '',
      'embed=speedup&controls=minimal&speedup.reps=4&speedup.reps=5',
      'speedup.workers=1-2&image.mode=shared&races.nope=1&zzz.a=1&loose=2&speedup.reps=-1',
      'embed=nothing&theme=neon&array-sum.n=5000&python.x=1&fetch.url=%3Cb%3E',
    ];
    let notices = 0;
    for (const search of links) {
      const query = new URLSearchParams(search);
      const everything = readLink(query, all);
      const named = readLink(query, await schemasForLink(query, env));
      expect(named.notices, search).toEqual(everything.notices);
      notices += named.notices.length;
      expect({ ...named, settings: null }, search).toEqual({ ...everything, settings: null });
      // A demo the link leaves out starts from its defaults either way.
      for (const [id, values] of named.settings)
        expect(values, `${search}: ${id}`).toEqual(everything.settings.get(id));
    }
    expect(notices).toBeGreaterThanOrEqual(6);
  });
});

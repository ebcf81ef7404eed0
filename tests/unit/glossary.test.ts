import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { START_HERE } from '../../src/demos/path';
import { withMetas } from '../../src/demos/registry';
import { DEFINITIONS } from '../../src/learn/definitions';
import { GLOSSARY, glossaryInOrder, isTermId, markTerms } from '../../src/learn/glossary';

/** Every .svelte file under src. */
function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(path);
    return entry.name.endsWith('.svelte') ? [path] : [];
  });
}

describe('glossary', () => {
  it('defines every term the UI marks with <Term>', () => {
    const used = svelteFiles('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<Term\s+id="([^"]+)"/g)].map((match) => ({ file, id: match[1]! })),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter(({ id }) => !isTermId(id))).toEqual([]);
  });

  it('has the jargon of the first screens', () => {
    const terms = new Set(Object.values(GLOSSARY).map((entry) => entry.term.toLowerCase()));
    for (const term of [
      'oversubscription',
      'warm-up',
      'halo',
      'clamp',
      'structured clone',
      'speedup',
      'efficiency',
      'amdahl’s law',
      'chunk',
      'schedule',
      'sharedarraybuffer',
      'atomics',
      'race',
      'lock',
      'gil',
      'transfer',
      'cross-origin isolation',
      'sentinel',
      'broker',
      'lease',
    ]) {
      expect(terms, term).toContain(term);
    }
  });

  it('defines each term in a sentence or two', () => {
    expect(Object.keys(DEFINITIONS).sort()).toEqual(Object.keys(GLOSSARY).sort());
    for (const { id, entry } of glossaryInOrder()) {
      const definition = DEFINITIONS[id];
      expect(definition.length, entry.term).toBeGreaterThan(40);
      expect(definition.length, entry.term).toBeLessThan(260);
      expect(definition, entry.term).toMatch(/[.)]$/);
    }
  });

  it('lists the terms in alphabetical order', () => {
    const terms = glossaryInOrder().map(({ entry }) => entry.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('marks the first use of each term in a lesson line, and keeps the text whole', () => {
    const text = 'More workers divide CPU-bound work (Amdahl’s law); Amdahl’s law again, and oversubscribed cores.';
    const pieces = markTerms(text);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.filter((piece) => piece.term)).toEqual([
      { text: 'CPU-bound', term: 'cpu-bound' },
      { text: 'Amdahl’s law', term: 'amdahl' },
      { text: 'oversubscribed', term: 'oversubscription' },
    ]);
    // Not inside other words: "unlocked" is not "lock", "racecar" not "race".
    expect(markTerms('an unlocked racecar').filter((piece) => piece.term)).toEqual([]);
  });

  it('finds terms in the lessons and the start-here steps', async () => {
    const lines = [...(await withMetas()).map((demo) => demo.meta.lesson), ...START_HERE.map((step) => step.look)];
    const marked = new Set(lines.flatMap((line) => markTerms(line).flatMap((piece) => piece.term ?? [])));
    expect(marked.size).toBeGreaterThanOrEqual(5);
  });
});

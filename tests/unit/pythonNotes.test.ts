import { describe, expect, it } from 'vitest';
import { findEntry } from '../../src/demos/registry';
import { WEB_WAYS } from '../../src/demos/python/webComparison';

/** The demos of the playground that have a Python counterpart, by their ids in DEMOS. */
const DEMO_IDS = [
  'speedup',
  'kernel-or-cores',
  'image',
  'scheduling',
  'fetch',
  'races',
  'async',
  'frozen',
  'messages',
  'machine',
];

describe('Python side by side', () => {
  it.each(DEMO_IDS)('has a note with explanation and code for %s', async (id) => {
    const note = (await findEntry(id)?.meta())?.meta.python;
    expect(note).toBeDefined();
    expect(note!.explanation.length).toBeGreaterThan(80);
    expect(note!.code).toMatch(/^(import|from) /);
  });

  it('compares the three web ways on every question', () => {
    expect(WEB_WAYS.map((way) => way.way.split(' ')[0])).toEqual(['Main-thread', 'Workers', 'Workers']);
    for (const way of WEB_WAYS) {
      for (const value of Object.values(way)) expect(value.length).toBeGreaterThan(3);
    }
  });
});

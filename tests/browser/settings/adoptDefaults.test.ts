import { expect, it } from 'vitest';
import { integer, Settings } from '../../../src/settings';

const schema = {
  n: integer({ label: 'n', min: 1, max: 50, default: 30 }),
  k: integer({ label: 'k', min: 1, max: 64, default: 16 }),
  reps: integer({ label: 'Repetitions', min: 1, max: 20, default: 3 }),
};

it('adopts measured defaults for untouched settings, keeps the link’s and the typed ones, and resets to them', () => {
  const settings = new Settings('demo', schema, { initial: { k: '16' }, fixed: new Set(['k']) });
  settings.raw.reps = '5';
  settings.adoptDefaults({ n: '32', k: '24', reps: '4' });
  // n was untouched: it takes the new default; k came from the link and reps was typed: they stay.
  expect(settings.raw).toEqual({ n: '32', k: '16', reps: '5' });
  expect(settings.defaults).toEqual({ n: '32', k: '24', reps: '4' });
  expect(settings.isDefault).toBe(false);
  settings.reset();
  expect(settings.raw).toEqual({ n: '32', k: '24', reps: '4' });
  expect(settings.isDefault).toBe(true);
  // Unknown keys and values of the wrong type change nothing.
  settings.adoptDefaults({ n: true, nope: '1' });
  expect(settings.defaults).toEqual({ n: '32', k: '24', reps: '4' });
});

it('leaves a measured default out of the link only while it is untouched', () => {
  const settings = new Settings('demo', schema, { initial: {}, fixed: new Set() });
  settings.adoptDefaults({ n: '32' });
  expect(settings.linkDefaults).toEqual({ n: '32', k: '16', reps: '3' });
  // Typed by hand, even to the measured value, it goes into the link (measured against the schema's default).
  settings.edit('n', '32');
  expect(settings.linkDefaults.n).toBe('30');
  settings.reset();
  expect(settings.linkDefaults.n).toBe('32');
});

import { describe, expect, it } from 'vitest';
import { fetchSchema } from '../../src/demos/fetch/settings';
import { imageSchema } from '../../src/demos/image/settings';
import { schedulingSchema } from '../../src/demos/scheduling/settings';
import { advanced, integer, parseSettings } from '../../src/settings';

describe('advanced settings', () => {
  it('are marked in the schema and read like any other', () => {
    const schema = { seed: advanced(integer({ label: 'Seed', min: 0, max: 9, default: 1 })) };
    expect(schema.seed.advanced).toBe(true);
    expect(parseSettings(schema, { seed: '7' })).toEqual({ ok: true, values: { seed: 7 } });
    expect(integer({ label: 'n', min: 0, max: 9, default: 1, advanced: true }).advanced).toBe(true);
    expect(integer({ label: 'n', min: 0, max: 9, default: 1 }).advanced).toBeUndefined();
  });

  it('hold the complex-plane bounds and the endpoint’s fine print, not the main parameters', () => {
    const advancedKeys = (schema: Record<string, { advanced?: boolean }>) =>
      Object.entries(schema).flatMap(([key, field]) => (field.advanced ? [key] : []));
    expect(advancedKeys(schedulingSchema(4))).toEqual([
      'mandelbrot-xMin',
      'mandelbrot-xMax',
      'mandelbrot-yMin',
      'mandelbrot-yMax',
    ]);
    expect(advancedKeys(fetchSchema())).toEqual(['jitter', 'bytes', 'seed']);
    expect(advancedKeys(imageSchema(4, true))).toEqual(['bands']);
  });
});

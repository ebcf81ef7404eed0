import { expect, it } from 'vitest';
import { START_HERE } from '../../src/demos/path';
import { DEMOS } from '../../src/demos/registry';

it('the start-here path has 4 to 6 steps, each a different existing demo with one sentence', () => {
  const ids = new Set(DEMOS.map((demo) => demo.id));
  expect(START_HERE.length).toBeGreaterThanOrEqual(4);
  expect(START_HERE.length).toBeLessThanOrEqual(6);
  expect(new Set(START_HERE.map((step) => step.id)).size).toBe(START_HERE.length);
  for (const step of START_HERE) {
    expect(ids.has(step.id), step.id).toBe(true);
    expect(step.look).toMatch(/^[A-Z][^.]*\.$/);
  }
});

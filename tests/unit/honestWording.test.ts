import { describe, expect, it } from 'vitest';
import { comparisonRemarks, type ModeSummary } from '../../src/demos/image/summary';
import { overlap } from '../../src/demos/fetch/state.svelte';

const summary = (mode: ModeSummary['mode'], medianMs: number, moveMs: number): ModeSummary => ({
  mode,
  workers: 2,
  medianMs,
  throughput: 1,
  bytesCloned: 0,
  bytesCopiedOnPage: 0,
  moveMs,
  computeMs: medianMs - moveMs,
  note: '',
});

describe('results that would contradict their own text', () => {
  it('say why transfer came out slower than copy, and only then', () => {
    expect(comparisonRemarks({ copy: summary('copy', 40, 4), transfer: summary('transfer', 38, 1) })).toEqual([]);
    const [remark] = comparisonRemarks({ copy: summary('copy', 40, 4), transfer: summary('transfer', 42, 1) });
    expect(remark).toMatch(/^Transfer came out slower than copy here \(42\.0 ms against 40\.0 ms\)/);
    expect(remark).toContain('about 10 %');
  });

  it('compute the fetch ratio as N·L ÷ total', () => {
    expect(overlap({ n: 10, latencyMs: 100, totalMs: 125 })).toBe(8);
  });
});

import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRate, formatSpeedup } from '../../src/format';

const KB = 1024;
const MB = 1024 * KB;

describe('formatting', () => {
  it('reads like a person would write it', () => {
    expect(formatRate(123_456_789)).toBe('123 M/s');
    expect(formatRate(2500)).toBe('2.50 k/s');
    expect(formatBytes(KB)).toBe('1 KB');
    expect(formatBytes(64 * MB)).toBe('64 MB');
    expect(formatMs(0.0123)).toBe('12.3 µs');
    expect(formatMs(3.14159)).toBe('3.14 ms');
    expect(formatMs(250)).toBe('250 ms');
  });

  it('writes a speedup below 1 as a slowdown', () => {
    expect(formatSpeedup(1.944)).toBe('1.94×');
    expect(formatSpeedup(0.78)).toBe('1.28× slower');
    expect(formatSpeedup(Number.NaN)).toBe('—');
  });

  it('uses one unit family for bytes everywhere', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatMs(1234.5)).toBe('1,235 ms');
  });
});

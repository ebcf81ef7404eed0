import { describe, expect, it } from 'vitest';
import { defaultWorkerCounts, parseWorkerCounts } from '../../src/measure/workerCounts';
import { browserName, notIsolatedReason } from '../../src/environment';

describe('parseWorkerCounts', () => {
  it.each([
    ['1-4', 4, false, [1, 2, 3, 4]],
    ['1, 2, 4', 4, false, [1, 2, 4]],
    ['4, 1-2, 2', 4, false, [1, 2, 4]],
    ['1–3', 4, false, [1, 2, 3]],
    ['1-8', 4, true, [1, 2, 3, 4, 5, 6, 7, 8]],
  ])('reads %j with %i cores (oversubscribe %s)', (raw, cores, over, counts) => {
    expect(parseWorkerCounts(raw, cores, over)).toEqual({ ok: true, value: counts });
  });

  it.each([
    ['', 2, false, /at least one worker count/],
    ['0', 2, false, /0 is not a count/],
    ['0-2', 2, false, /0 is not a count/],
    ['3', 2, false, /At most 2 workers.*up to 4/],
    ['5', 2, true, /At most 4 workers/],
    ['2-1', 2, false, /backwards/],
    ['two', 2, false, /"two" is not a worker count/],
    ['1;2', 2, false, /is not a worker count/],
  ])('refuses %j with %i cores', (raw, cores, over, message) => {
    const parsed = parseWorkerCounts(raw, cores, over);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('defaults to every count up to 8 cores, powers of two beyond', () => {
    expect(defaultWorkerCounts(1)).toBe('1');
    expect(defaultWorkerCounts(2)).toBe('1-2');
    expect(defaultWorkerCounts(8)).toBe('1-8');
    expect(defaultWorkerCounts(12)).toBe('1, 2, 4, 8, 12');
    expect(defaultWorkerCounts(64)).toBe('1, 2, 4, 8, 16, 32, 64');
    for (const cores of [1, 2, 3, 8, 12, 64])
      expect(parseWorkerCounts(defaultWorkerCounts(cores), cores, false).ok).toBe(true);
  });
});

describe('browserName', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      'Chrome 156',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0', 'Firefox 140'],
    ['Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15', 'Safari 18'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0', 'Edge 140'],
    ['curl/8', 'unknown browser'],
  ])('names %s', (ua, name) => {
    expect(browserName(ua)).toBe(name);
  });
});

describe('notIsolatedReason', () => {
  it('blames the server on a page of its own, and the parent page inside an embed', () => {
    expect(notIsolatedReason(false)).toMatch(/server to send Cross-Origin-Opener-Policy/);
    expect(notIsolatedReason(true)).toMatch(/page around this embed is not cross-origin isolated/);
  });
});

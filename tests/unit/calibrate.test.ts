import { describe, expect, it } from 'vitest';
import {
  PHI,
  calibrationFrom,
  describeFibBatch,
  describeSum,
  fibCallMs,
  parseCalibration,
  probeFib,
  probeSum,
  sizeFibBatch,
  sizeSum,
} from '../../src/measure/calibrate';

/** A machine where fib(n) takes exactly unitMs · φⁿ: a fake fib that advances a fake clock. */
function machine(unitMs: number) {
  let clock = 0;
  const calls: number[] = [];
  const fib = (n: number) => {
    calls.push(n);
    clock += unitMs * PHI ** n;
    return 0;
  };
  return { fib, now: () => clock, calls, spent: () => clock };
}

describe('probeFib', () => {
  it('finds the cost per step on a fast and on a slow machine, in a fraction of a second', () => {
    for (const unitMs of [1e-6, 1e-5, 1e-4]) {
      const m = machine(unitMs);
      const probe = probeFib(m.fib, m.now);
      expect(probe.unitMs).toBeCloseTo(unitMs, 12);
      expect(probe.ms).toBeGreaterThan(10 / PHI ** 2);
      expect(probe.ms).toBeLessThan(10 * PHI ** 2);
      // Well under half a second of fib in all, warm-up included, however fast the machine.
      expect(m.spent()).toBeLessThan(250);
    }
  });

  it('times only after its warm-up, so the JIT’s slow first calls do not count, and keeps the median', () => {
    let clock = 0;
    let calls = 0;
    const probe = probeFib(
      (n) => {
        calls++;
        // For its first 40 ms fib runs 4× slower (not yet optimised); later, one call in seven is disturbed.
        const slow = clock < 40 ? 4 : calls % 7 === 0 ? 3 : 1;
        clock += 1e-5 * PHI ** n * slow;
        return 0;
      },
      () => clock,
    );
    expect(probe.unitMs).toBeCloseTo(1e-5, 12);
  });

  it('keeps timing while fib gets faster after the warm-up (a page starting up competed for the cores)', () => {
    let clock = 0;
    // 6× slower for the first 150 ms, past the 80 ms warm-up: what the probe saw beside a page starting up.
    const probe = probeFib(
      (n) => {
        clock += 1e-5 * PHI ** n * (clock < 150 ? 6 : 1);
        return 0;
      },
      () => clock,
    );
    expect(probe.unitMs).toBeCloseTo(1e-5, 12);
    expect(clock).toBeLessThan(1000);
  });

  it('stops at maxN on a machine too fast to measure', () => {
    const tiny = machine(1e-12);
    expect(probeFib(tiny.fib, tiny.now, { maxN: 32 }).n).toBe(32);
  });
});

describe('sizeFibBatch', () => {
  it('sizes the batch to about the target on machines 30× apart, preferring 16 calls', () => {
    for (const unitMs of [3e-7, 1e-6, 3e-6, 1e-5]) {
      const sizing = sizeFibBatch(unitMs, { targetMs: 1000 });
      expect(sizing.ms).toBeCloseTo(sizing.k * fibCallMs(unitMs, sizing.n), 6);
      expect(sizing.ms).toBeGreaterThan(800);
      expect(sizing.ms).toBeLessThan(1250);
      expect([8, 12, 16, 24, 32]).toContain(sizing.k);
    }
    // fib(32) takes 65 ms here: 16 calls is 1.04 s.
    expect(sizeFibBatch(65 / PHI ** 32)).toMatchObject({ n: 32, k: 16 });
  });

  it('stays within its bounds on machines beyond them', () => {
    expect(sizeFibBatch(1e-12, { nMax: 40 })).toMatchObject({ n: 40, k: 32 });
    expect(sizeFibBatch(1, { nMin: 20 })).toMatchObject({ n: 20, k: 8 });
  });
});

describe('the calibration', () => {
  it('sizes the frozen page to about 2 s, within its own limit of fib(34) × 32', () => {
    const calibration = calibrationFrom({ n: 30, ms: 30, unitMs: 30 / PHI ** 30 });
    expect(calibration.frozen.ms).toBeGreaterThan(1600);
    expect(calibration.frozen.ms).toBeLessThan(2500);
    const fast = calibrationFrom({ n: 30, ms: 1, unitMs: 1 / PHI ** 30 });
    expect(fast.frozen).toMatchObject({ n: 34, k: 32 });
  });

  it('is written in words', () => {
    expect(describeFibBatch({ n: 32, k: 16, ms: 1090 })).toBe('fib(32) × 16, about 1.1 s on one worker here');
    expect(describeFibBatch({ n: 25, k: 8, ms: 433 }, 'on the main thread')).toBe(
      'fib(25) × 8, about 430 ms on the main thread',
    );
  });

  it('is read back from storage only when it has the right shape', () => {
    const probe = { n: 31, ms: 45, unitMs: 45 / PHI ** 31 };
    expect(parseCalibration(JSON.stringify({ probe }))).toEqual(calibrationFrom(probe));
    for (const bad of [null, '', '{', 'null', '{"probe":{"n":1.5,"ms":1,"unitMs":1}}', '{"probe":{"n":1,"ms":0}}'])
      expect(parseCalibration(bad)).toBeNull();
  });
});

describe('the Sum task', () => {
  it('probes the cost per term in a fraction of a second, after a warm-up of growing ranges', () => {
    for (const nsPerTerm of [0.5, 2, 20]) {
      let clock = 0;
      const probe = probeSum(
        (start, end) => {
          clock += ((end - start) * nsPerTerm) / 1e6;
          return 0;
        },
        () => clock,
      );
      expect(probe.nsPerTerm).toBeCloseTo(nsPerTerm, 9);
      expect(probe.ms).toBeGreaterThanOrEqual(10);
      expect(clock).toBeLessThan(200);
    }
  });

  it('sizes N to about 1 s on one worker (0.7–2 s), a round number, at most 10⁹', () => {
    for (const nsPerTerm of [0.7, 1, 1.7, 4, 12]) {
      const { n, ms } = sizeSum(nsPerTerm);
      expect(ms).toBeGreaterThanOrEqual(700);
      expect(ms).toBeLessThanOrEqual(2000);
      expect(String(n)).toMatch(/^[125]0+$/);
    }
    // Never past the small-integer range that the probe measures (the case seen in CI: 2·10⁹ terms took 6.7 s).
    expect(sizeSum(0.3).n).toBe(1_000_000_000);
    expect(sizeSum(1e-6).n).toBe(1_000_000_000);
    expect(sizeSum(1e6).n).toBe(1_000_000);
  });

  it('is part of the stored calibration, and said in words', () => {
    const probe = { n: 31, ms: 45, unitMs: 45 / PHI ** 31 };
    const sumProbe = { terms: 1 << 23, ms: 12, nsPerTerm: (12 * 1e6) / (1 << 23) };
    const calibration = parseCalibration(JSON.stringify({ probe, sumProbe }))!;
    expect(calibration.sum).toEqual(sizeSum(sumProbe.nsPerTerm));
    expect(calibrationFrom(probe).sum).toBeNull(); // stored by an older page: fib only
    expect(describeSum(500_000_000, 1090)).toBe('N = 500,000,000, about 1.1 s on one worker here');
  });
});

import { describe, expect, it } from 'vitest';
import { networkOf, sameLink } from '../../src/demos/machine/network';
import { machineSchema } from '../../src/demos/machine/settings';

describe('the Machines demo’s network fields', () => {
  it('turn into a simulated link: kB/s are bytes per ms, and a bandwidth of 0 is no limit', () => {
    expect(networkOf({ latency: 20, bandwidth: 0, loss: 0.1 })).toEqual({
      latencyMs: 20,
      bytesPerMs: Infinity,
      lossRate: 0.1,
    });
    expect(networkOf({ latency: 0, bandwidth: 50, loss: 0 }).bytesPerMs).toBe(50);
  });

  it('tell when a machine’s link differs from the form (it is then replaced)', () => {
    const form = networkOf({ latency: 0, bandwidth: 0, loss: 0 });
    expect(sameLink({}, form)).toBe(true); // a machine started without a network has the perfect link
    expect(sameLink({ latencyMs: 5 }, form)).toBe(false);
    expect(sameLink({ bytesPerMs: 10 }, form)).toBe(false);
  });

  it.each([
    ['latency', '-1', /latency/],
    ['latency', '2001', /latency/],
    ['bandwidth', '1.5', /bandwidth/],
    ['bandwidth', '1000001', /bandwidth/],
    ['loss', '0.6', /loss/],
    ['retries', '21', /retries/],
    ['timeLimit', '5', /time limit/],
  ] as const)('bound %s: %s is refused with a message that names it', (key, raw, message) => {
    const field = machineSchema(4)[key];
    const parsed = field.parse(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

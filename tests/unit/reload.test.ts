import { describe, expect, it } from 'vitest';
import { shouldReload } from '../../src/hosting/reload';

describe('shouldReload', () => {
  it('reloads once, only a top-level page that is not yet isolated', () => {
    expect(shouldReload({ isolated: false, framed: false, alreadyReloaded: false })).toBe(true);
  });

  it.each([
    ['the host already sends the headers', { isolated: true, framed: false, alreadyReloaded: false }],
    ['a second time: that would loop', { isolated: false, framed: false, alreadyReloaded: true }],
    ['inside an iframe: the parent decides', { isolated: false, framed: true, alreadyReloaded: false }],
  ])('never when %s', (_why, facts) => {
    expect(shouldReload(facts)).toBe(false);
  });
});

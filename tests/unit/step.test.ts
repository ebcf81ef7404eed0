import { describe, expect, it } from 'vitest';
import { stepped } from '../../src/settings';

describe('a number field’s − and + steps', () => {
  it('moves by one, or doubles and halves (rounding up, so it never reaches 0 from 1)', () => {
    expect([stepped('30', 'one', 1), stepped('30', 'one', -1)]).toEqual(['31', '29']);
    expect([stepped('16', 'double', 1), stepped('16', 'double', -1)]).toEqual(['32', '8']);
    expect([stepped('5', 'double', -1), stepped('1', 'double', -1)]).toEqual(['3', undefined]);
  });

  it('reads what people type: exponents, separators, spaces', () => {
    expect(stepped(' 1e8 ', 'double', 1)).toBe('200000000');
    expect(stepped('1_000', 'one', 1)).toBe('1001');
    expect(stepped('1,024', 'double', -1)).toBe('512');
  });

  it('offers no step from text that is not a whole number, or that a step leaves unchanged', () => {
    for (const raw of ['', '  ', 'abc', '2.5', '1-4', 'NaN', '1e400']) expect(stepped(raw, 'one', 1)).toBeUndefined();
    expect(stepped('0', 'double', 1)).toBeUndefined();
    expect(stepped(String(Number.MAX_SAFE_INTEGER), 'one', 1)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { compareGuess, formatGuessValue, guessVerdict, parseGuess } from '../../src/learn/prediction';

describe('predict, then run', () => {
  it('takes no guess as no guess, never as an error', () => {
    expect(parseGuess('speedup', '')).toEqual({ ok: true, value: null });
    expect(parseGuess('count', '   ')).toEqual({ ok: true, value: null });
    expect(parseGuess('duration', '')).toEqual({ ok: true, value: null });
  });

  it('reads a speedup with or without its sign', () => {
    expect(parseGuess('speedup', '3.5')).toEqual({ ok: true, value: 3.5 });
    expect(parseGuess('speedup', '3.5x')).toEqual({ ok: true, value: 3.5 });
    expect(parseGuess('speedup', '2 ×')).toEqual({ ok: true, value: 2 });
    expect(parseGuess('speedup', '0').ok).toBe(false);
    expect(parseGuess('speedup', 'fast').ok).toBe(false);
  });

  it('reads a count, or a share of the total', () => {
    expect(parseGuess('count', '250,000')).toEqual({ ok: true, value: 250_000 });
    expect(parseGuess('count', '25%', { total: 4_000_000 })).toEqual({ ok: true, value: 1_000_000 });
    expect(parseGuess('count', '25%').ok).toBe(false); // no total to take a share of
    expect(parseGuess('count', '2.5').ok).toBe(false);
    expect(parseGuess('count', '5000001', { total: 5_000_000 })).toEqual({
      ok: false,
      error: 'At most 5,000,000: the total itself.',
    });
  });

  it('reads a duration in ms unless it says seconds', () => {
    expect(parseGuess('duration', '800')).toEqual({ ok: true, value: 800 });
    expect(parseGuess('duration', '800 ms')).toEqual({ ok: true, value: 800 });
    expect(parseGuess('duration', '2 s')).toEqual({ ok: true, value: 2000 });
    expect(parseGuess('duration', '1.5s')).toEqual({ ok: true, value: 1500 });
    expect(parseGuess('duration', 'soon').ok).toBe(false);
  });

  it('says how close a guess came', () => {
    expect(guessVerdict(2, 2)).toBe('spot on');
    expect(guessVerdict(2.2, 2)).toBe('close');
    expect(guessVerdict(3.5, 1.75)).toBe('2.0× too high');
    expect(guessVerdict(100, 1000)).toBe('10.0× too low');
    expect(guessVerdict(5, 0)).toBe('too high');
  });

  it('puts the guess beside the measurement, in the page’s units', () => {
    expect(compareGuess('speedup', 3.5, 1.8, 'with 4 workers')).toBe(
      'You guessed 3.50×, measured 1.80× with 4 workers (1.9× too high).',
    );
    expect(compareGuess('speedup', 2, 0.5)).toBe('You guessed 2.00×, measured 2.00× slower (4.0× too high).');
    expect(formatGuessValue('duration', 450)).toBe('450 ms');
    expect(formatGuessValue('duration', 2500)).toBe('2.50 s');
    expect(formatGuessValue('count', 12345)).toBe('12,345');
  });
});

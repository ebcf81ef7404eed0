import { formatCount, formatSpeedup } from '../format';

/**
 * Predict, then run: a guess typed before a run, read and compared with what the run measured. Framework-free, so
 * each demo's state only says what kind of number is guessed and what it measured.
 *
 * - `speedup`: how many times faster ("3.5", "3.5x", "3.5×");
 * - `count`: how many of a total ("250000", "250,000", or a share of the total: "25%");
 * - `duration`: how long, in ms unless a unit says otherwise ("800", "800 ms", "2 s", "1.5s").
 */
export type GuessKind = 'speedup' | 'count' | 'duration';

/** What a guess is about, fixed when the run starts: a count's total, the worker count the speedup is for. */
export interface GuessContext {
  /** For `count`: the total a percentage is a share of. */
  total?: number;
}

export type ParsedGuess = { ok: true; value: number } | { ok: false; error: string } | { ok: true; value: null };

const NUMBER = /^(\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function readNumber(text: string): number | null {
  const plain = text.replace(/(?<=\d)[_,](?=\d)/g, '').trim();
  return NUMBER.test(plain) ? Number(plain) : null;
}

/** Reads a typed guess; an empty field is no guess (value null), never an error: a guess is never required. */
export function parseGuess(kind: GuessKind, raw: string, context: GuessContext = {}): ParsedGuess {
  const text = raw.trim().toLowerCase();
  if (text === '') return { ok: true, value: null };
  const invalid = { ok: false as const, error: EXAMPLES[kind] };
  if (kind === 'speedup') {
    const value = readNumber(text.replace(/\s*[x×]$/, ''));
    return value !== null && value > 0 ? { ok: true, value } : invalid;
  }
  if (kind === 'count') {
    const percent = /^(.*?)\s*%$/.exec(text);
    if (percent) {
      const share = readNumber(percent[1]!);
      if (share === null || share > 100 || context.total === undefined) return invalid;
      return { ok: true, value: Math.round((share / 100) * context.total) };
    }
    const value = readNumber(text);
    if (value === null || !Number.isInteger(value)) return invalid;
    if (context.total !== undefined && value > context.total) {
      return { ok: false, error: `At most ${formatCount(context.total)}: the total itself.` };
    }
    return { ok: true, value };
  }
  const unit = /^(.*?)\s*(ms|s)$/.exec(text);
  const value = readNumber(unit ? unit[1]! : text);
  if (value === null) return invalid;
  return { ok: true, value: unit?.[2] === 's' ? value * 1000 : value };
}

const EXAMPLES: Record<GuessKind, string> = {
  speedup: 'Type a number of times faster, such as 1.5 or 3×.',
  count: 'Type a whole number, such as 2000, or a share, such as 25%.',
  duration: 'Type a time, such as 800 ms or 2 s.',
};

/** A guess or a measurement as the page writes it. */
export function formatGuessValue(kind: GuessKind, value: number): string {
  if (kind === 'speedup') return formatSpeedup(value);
  if (kind === 'count') return formatCount(value);
  return value < 1000 ? `${formatCount(value)} ms` : `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
}

/** How close a guess came, in words: within a fifth counts as close, else how many times too high or too low. */
export function guessVerdict(guess: number, measured: number): string {
  if (guess === measured) return 'spot on';
  if (guess <= 0 || measured <= 0) return guess > measured ? 'too high' : 'too low';
  const ratio = guess / measured;
  if (ratio >= 0.8 && ratio <= 1.25) return 'close';
  return ratio > 1 ? `${ratio.toFixed(1)}× too high` : `${(1 / ratio).toFixed(1)}× too low`;
}

/** "You guessed 3.50×, measured 1.80× with 4 workers (1.9× too high)."; `where` says what was measured. */
export function compareGuess(kind: GuessKind, guess: number, measured: number, where?: string): string {
  return (
    `You guessed ${formatGuessValue(kind, guess)}, measured ${formatGuessValue(kind, measured)}` +
    `${where ? ` ${where}` : ''} (${guessVerdict(guess, measured)}).`
  );
}

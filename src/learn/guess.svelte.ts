import { compareGuess, parseGuess, type GuessContext, type GuessKind, type ParsedGuess } from './prediction';

/**
 * A demo's "predict, then run" guess: the text being typed, and the guess locked in when the shown run started (so
 * editing the guess afterwards does not rewrite what was predicted). A demo's state holds one and calls `lockIn()`
 * as a run starts; its view shows `<Predict>` before Run and `<GuessOutcome>` beside the measurement.
 */
export class Guess {
  text = $state('');
  /** The guess made before the shown run; null when none was. */
  made = $state.raw<number | null>(null);

  /** `context`: what a guess is read against now (a count's total), from the demo's current settings. */
  constructor(
    readonly kind: GuessKind,
    readonly context: () => GuessContext = () => ({}),
  ) {}

  get parsed(): ParsedGuess {
    return parseGuess(this.kind, this.text, this.context());
  }

  /** Called as a run starts: the guess typed now (or none, or an unreadable one) is the one the run answers. */
  lockIn(): void {
    const parsed = this.parsed;
    this.made = parsed.ok ? parsed.value : null;
  }

  /** The guess beside the measurement, in words; null without a guess or a measurement. */
  outcome(measured: number | null | undefined, where?: string): string | null {
    if (this.made === null || measured === null || measured === undefined || !Number.isFinite(measured)) return null;
    return compareGuess(this.kind, this.made, measured, where);
  }
}

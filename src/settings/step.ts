/**
 * How the stepper beside a number field moves it: by one (fib's n, where each step already costs about 1.6× more),
 * or by doubling and halving (a count or a size, where +1 is too small a step to feel).
 */
export type Step = 'one' | 'double';

/**
 * The text one step up or down from what is typed, or undefined when what is typed is not a whole number (the field
 * says why) or the step changes nothing. Whether the result is in bounds is the field's own check.
 */
export function stepped(raw: string, step: Step, direction: 1 | -1): string | undefined {
  const text = raw.trim().replace(/[_,]/g, '');
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return undefined;
  const next = step === 'one' ? value + direction : direction > 0 ? value * 2 : Math.ceil(value / 2);
  return next === value || !Number.isSafeInteger(next) ? undefined : String(next);
}

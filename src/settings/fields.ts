import { parseDecimal, parseInteger, type Parsed } from '../tasks/validate';
import type { Step } from './step';

/**
 * The kinds of setting a demo can have. Each knows its label, its default (as the text a person would type), how to
 * read a value typed or linked, and how to be shown. A value is kept as text while it is edited, so a half-typed
 * number can be shown with its message instead of being lost.
 */
export interface TextSetting<T> {
  kind: 'text';
  label: string;
  help: string;
  /** The on-screen keyboard: one that offers every character the field accepts ("1-2, 4", "−2.5", "2e9"). */
  inputmode: 'text' | 'decimal' | 'url';
  default: string;
  /** Shown after the field, e.g. "ms". */
  unit?: string;
  /** Whether the field applies, given the other fields (a task's parameter applies when that task is chosen). */
  when?: (raw: Readonly<Record<string, string | boolean>>) => boolean;
  /** Rarely changed: shown under "More settings", closed until opened (see `advanced`). */
  advanced?: boolean;
  /** A number a learner changes most gets − and + buttons beside the exact field, moving it this way. */
  step?: Step;
  parse(raw: string): Parsed<T>;
}

export interface ChoiceSetting<V extends string> {
  kind: 'choice';
  label: string;
  help: string;
  options: readonly { value: V; label: string }[];
  default: V;
  /** Whether the choice applies, given the other fields. */
  when?: (raw: Readonly<Record<string, string | boolean>>) => boolean;
  /** Rarely changed: shown under "More settings", closed until opened (see `advanced`). */
  advanced?: boolean;
  parse(raw: string): Parsed<V>;
}

export interface BooleanSetting {
  kind: 'boolean';
  label: string;
  help: string;
  default: boolean;
  /** Rarely changed: shown under "More settings", closed until opened (see `advanced`). */
  advanced?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a schema mixes settings of any value type
export type AnySetting = TextSetting<any> | ChoiceSetting<any> | BooleanSetting;
export type Schema = Record<string, AnySetting>;

/** What a setting holds while it is edited: text, or a boolean for a checkbox. */
export type RawOf<F extends AnySetting> = F extends BooleanSetting ? boolean : string;
/** What a valid setting means. */
export type ValueOf<F extends AnySetting> =
  F extends TextSetting<infer T> ? T : F extends ChoiceSetting<infer V> ? V : boolean;

export type RawValues<S extends Schema> = { [K in keyof S]: RawOf<S[K]> };
export type Values<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

interface Common {
  label: string;
  help?: string;
  advanced?: boolean;
}

type NumberOptions = Common &
  Pick<TextSetting<number>, 'when' | 'step'> & { min: number; max: number; default: number; unit?: string };

/** A whole number within bounds; accepts 2e9, 1_000 and 1,000. */
export function integer(options: NumberOptions) {
  const { label, min, max, unit, when, step } = options;
  return {
    kind: 'text',
    label,
    help: options.help ?? `${min.toLocaleString('en')} to ${max.toLocaleString('en')}`,
    inputmode: 'text',
    default: String(options.default),
    ...(unit && { unit }),
    ...(when && { when }),
    ...(options.advanced && { advanced: true }),
    ...(step && { step }),
    parse: (raw: string) => parseInteger(raw, { label, min, max }),
  } satisfies TextSetting<number>;
}

/** A real number within bounds; accepts −2.5, .75 and 1e-3. */
export function decimal(options: NumberOptions) {
  const { label, min, max, unit, when } = options;
  return {
    kind: 'text',
    label,
    help: options.help ?? `${min} to ${max}`,
    inputmode: 'text',
    default: String(options.default),
    ...(unit && { unit }),
    ...(when && { when }),
    ...(options.advanced && { advanced: true }),
    parse: (raw: string) => parseDecimal(raw, { label, min, max }),
  } satisfies TextSetting<number>;
}

/** Free text with its own reading: worker-count lists, URLs, anything a plain number does not describe. */
export function text<T>(
  options: Common & Pick<TextSetting<T>, 'default' | 'parse' | 'when' | 'step'> & { inputmode?: 'text' | 'url' },
): TextSetting<T> {
  return { kind: 'text', help: '', inputmode: 'text', ...options };
}

/** One of a fixed set of values. Looked up by own entries only: "constructor" is not a choice. */
export function choice<V extends string>(
  options: Common & Pick<ChoiceSetting<V>, 'when'> & { options: readonly { value: V; label: string }[]; default: V },
): ChoiceSetting<V> {
  const values = new Set<string>(options.options.map((option) => option.value));
  return {
    kind: 'choice',
    help: '',
    ...options,
    parse: (raw) =>
      values.has(raw)
        ? { ok: true, value: raw as V }
        : { ok: false, error: `${options.label} must be one of ${[...values].join(', ')}` },
  };
}

/**
 * Marks a setting as one a learner rarely changes (a region's bounds, a seed): the form shows it under "More
 * settings", a disclosure closed until opened, or opened for them when the field needs attention.
 */
export function advanced<F extends AnySetting>(field: F): F {
  return { ...field, advanced: true };
}

export function boolean(options: Common & { default: boolean }): BooleanSetting {
  return { kind: 'boolean', help: '', ...options };
}

import type { RawValues, Schema } from './fields';
import { linkedKeys, linkedValues } from './link.svelte';
import { defaultsOf, parseSettings, type Refine, type SettingsResult } from './schema';

export interface SettingsOptions<S extends Schema> {
  refine?: Refine<S>;
  /** Starting values; by default the link's, and defaults for the rest. */
  initial?: Readonly<Record<string, string | boolean>> | undefined;
  /** Settings that `adoptDefaults` must leave as they are; by default those the link gave explicitly. */
  fixed?: ReadonlySet<string>;
}

/**
 * One demo's settings, reactive: the text of every field as typed, and what it means once read against the schema.
 * Runs read `result`; fields bind to `raw`.
 */
export class Settings<S extends Schema> {
  /** The schema's defaults, or those the page chose for this machine (`adoptDefaults`). */
  readonly defaults: RawValues<S>;
  raw: RawValues<S>;
  readonly result: SettingsResult<S>;
  readonly #fixed: ReadonlySet<string>;

  constructor(
    readonly id: string,
    readonly schema: S,
    { refine, initial = linkedValues(id), fixed = linkedKeys(id) }: SettingsOptions<S> = {},
  ) {
    this.defaults = $state(defaultsOf(schema));
    this.#fixed = fixed;
    const start: Record<string, string | boolean> = { ...this.defaults };
    // Only values of the field's own type: text for text, a boolean for a checkbox.
    for (const [key, value] of Object.entries(initial ?? {})) {
      if (Object.hasOwn(start, key) && typeof value === typeof start[key]) start[key] = value;
    }
    this.raw = $state(start as RawValues<S>);
    this.result = $derived(parseSettings(this.schema, this.raw, refine));
  }

  get isDefault(): boolean {
    return Object.keys(this.defaults).every((key) => this.raw[key] === this.defaults[key]);
  }

  /**
   * New defaults, measured after the page opened (a calibration): they replace the old ones for Reset and the link,
   * and the current value of every setting still at its old default, unless the link gave it explicitly or it was
   * typed since. Values of the wrong type or for unknown settings are ignored.
   */
  adoptDefaults(values: Readonly<Record<string, string | boolean>>): void {
    const defaults = this.defaults as Record<string, string | boolean>;
    const raw = this.raw as Record<string, string | boolean>;
    for (const [key, value] of Object.entries(values)) {
      if (!Object.hasOwn(defaults, key) || typeof value !== typeof defaults[key]) continue;
      const untouched = raw[key] === defaults[key] && !this.#fixed.has(key);
      defaults[key] = value as string | boolean;
      if (untouched) raw[key] = value as string | boolean;
    }
  }

  reset(): void {
    Object.assign(this.raw, this.defaults);
  }
}

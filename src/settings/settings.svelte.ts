import type { RawValues, Schema } from './fields';
import { linkedValues } from './link.svelte';
import { defaultsOf, parseSettings, type Refine, type SettingsResult } from './schema';

export interface SettingsOptions<S extends Schema> {
  refine?: Refine<S>;
  /** Starting values; by default the link's, and defaults for the rest. */
  initial?: Readonly<Record<string, string | boolean>> | undefined;
}

/**
 * One demo's settings, reactive: the text of every field as typed, and what it means once read against the schema.
 * Runs read `result`; fields bind to `raw`.
 */
export class Settings<S extends Schema> {
  readonly defaults: RawValues<S>;
  raw: RawValues<S>;
  readonly result: SettingsResult<S>;

  constructor(
    readonly id: string,
    readonly schema: S,
    { refine, initial = linkedValues(id) }: SettingsOptions<S> = {},
  ) {
    this.defaults = defaultsOf(schema);
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

  reset(): void {
    Object.assign(this.raw, this.defaults);
  }
}

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
  /** Settings whose default was measured (`adoptDefaults`), and those edited by hand since (or given by the link). */
  #adopted = $state<Record<string, true>>({});
  #edited = $state<Record<string, true>>({});
  /** Settings whose field has had the focus: a measured default arriving later must not change them under a typist. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read only when defaults are adopted, never rendered
  #touched = new Set<string>();

  constructor(
    readonly id: string,
    readonly schema: S,
    { refine, initial = linkedValues(id), fixed = linkedKeys(id) }: SettingsOptions<S> = {},
  ) {
    this.defaults = $state(defaultsOf(schema));
    this.#fixed = fixed;
    for (const key of fixed) this.#edited[key] = true;
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
      const untouched = raw[key] === defaults[key] && !this.#fixed.has(key) && !this.#touched.has(key);
      defaults[key] = value as string | boolean;
      this.#adopted[key] = true;
      if (untouched) raw[key] = value as string | boolean;
    }
  }

  /** A field got the focus: from now on only the person at it changes its value. */
  touch(key: keyof S & string): void {
    this.#touched.add(key);
  }

  /** A value set by hand (a form field): it counts as chosen, even when it equals a measured default. */
  edit(key: keyof S & string, value: string | boolean): void {
    (this.raw as Record<string, string | boolean>)[key] = value;
    this.#edited[key] = true;
  }

  /**
   * What the link leaves out: the schema's defaults, and a measured default only while its setting still holds it
   * untouched. A value chosen by hand always goes into the link, so that it is restored on another machine too.
   */
  get linkDefaults(): Readonly<Record<string, string | boolean>> {
    const schemaDefaults = defaultsOf(this.schema) as Record<string, string | boolean>;
    const defaults = this.defaults as Record<string, string | boolean>;
    return Object.fromEntries(
      Object.keys(schemaDefaults).map((key) => [
        key,
        this.#adopted[key] && !this.#edited[key] ? defaults[key]! : schemaDefaults[key]!,
      ]),
    );
  }

  reset(): void {
    Object.assign(this.raw, this.defaults);
    this.#edited = {};
  }
}

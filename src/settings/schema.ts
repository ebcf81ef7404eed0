import type { RawValues, Schema, Values } from './fields';

export type Errors<S extends Schema> = Partial<Record<keyof S & string, string>>;
export type SettingsResult<S extends Schema> = { ok: true; values: Values<S> } | { ok: false; errors: Errors<S> };

/** A check across fields (a range that runs backwards, counts above a limit another field sets). */
export type Refine<S extends Schema> = (values: Values<S>) => Errors<S>;

export function defaultsOf<S extends Schema>(schema: S): RawValues<S> {
  return Object.fromEntries(Object.entries(schema).map(([key, field]) => [key, field.default])) as RawValues<S>;
}

/** Reads every field of a schema; the values only when every field is valid, else a message per invalid field. */
export function parseSettings<S extends Schema>(schema: S, raw: RawValues<S>, refine?: Refine<S>): SettingsResult<S> {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema)) {
    const value = raw[key];
    if (field.kind === 'boolean') {
      values[key] = value === true;
      continue;
    }
    // A field that does not apply keeps its default, whatever was typed in it.
    const applies = field.kind !== 'text' || !field.when || field.when(raw);
    const parsed = field.parse(applies ? String(value) : field.default);
    if (parsed.ok) values[key] = parsed.value;
    else errors[key] = parsed.error;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors: errors as Errors<S> };
  const refined = refine?.(values as Values<S>) ?? {};
  if (Object.keys(refined).length > 0) return { ok: false, errors: refined };
  return { ok: true, values: values as Values<S> };
}

/** One field's message, whichever way the result went. */
export function errorOf<S extends Schema>(result: SettingsResult<S>, key: keyof S & string): string | undefined {
  return result.ok ? undefined : result.errors[key];
}

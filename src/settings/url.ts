/**
 * Settings <-> query string, pure: `<demo>.<key>=<value>` per setting, plus the page's own `embed`, `theme` and
 * `controls`.
 * Values are only compared, parsed and bound as text; a name from the URL appears in a notice only quoted and cut
 * short, and the page renders notices as text, never as HTML. Keys are looked up as own entries only, so
 * `speedup.constructor` or `speedup.task=__proto__` are unknown, never inherited.
 */
import type { RawValues, Schema } from './fields';
import { defaultsOf } from './schema';

/** Longer values are refused: no setting needs them, and a notice should not have to quote them. */
export const MAX_VALUE_LENGTH = 500;
/** How many unknown names one notice lists before it only counts the rest. */
export const MAX_NAMED_UNKNOWN = 5;

/** The parameters that belong to the page rather than to a demo. */
const APP_PARAMETERS = new Set(['embed', 'theme', 'controls']);
const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(text: string | null): text is Theme {
  return (THEMES as readonly (string | null)[]).includes(text);
}
/** How much of an embedded demo shows: `full`, or `minimal` (the compact embed for teachers: main fields, Run, result). */
const CONTROLS = ['full', 'minimal'] as const;
export type Controls = (typeof CONTROLS)[number];

/** A name or value from the URL, safe to put in a sentence: quoted, control characters dropped, at most 40 chars. */
export function quote(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '');
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 39)}…` : clean);
}

/** Reads one demo's settings from a query string: valid values override the defaults, the rest give notices. */
export function readGroup<S extends Schema>(
  query: URLSearchParams,
  id: string,
  schema: S,
): { raw: RawValues<S>; notices: string[] } {
  const raw: Record<string, string | boolean> = defaultsOf(schema);
  const notices: string[] = [];
  for (const [key, field] of Object.entries(schema)) {
    const all = query.getAll(`${id}.${key}`);
    if (all.length === 0) continue;
    const text = all[0]!;
    if (all.length > 1) notices.push(`The link gives ${id} ${key} ${all.length} times; the first value is used.`);
    const value = field.kind === 'boolean' ? parseBoolean(text) : text;
    const valid =
      value !== undefined && text.length <= MAX_VALUE_LENGTH && (field.kind === 'boolean' || field.parse(text).ok);
    if (valid) raw[key] = value;
    else
      notices.push(`The link's value for ${id} ${key} was not valid; the default (${String(field.default)}) is used.`);
  }
  return { raw: raw as RawValues<S>, notices };
}

/**
 * Writes one demo's settings into `url`: only values that differ from the default (the schema's, or `defaults` where
 * the page chose others for this machine); booleans as 1 / 0.
 */
export function writeGroup<S extends Schema>(
  url: URL,
  id: string,
  schema: S,
  raw: RawValues<S>,
  defaults?: Readonly<Record<string, string | boolean>>,
): void {
  for (const [key, field] of Object.entries(schema)) {
    const value = raw[key];
    const name = `${id}.${key}`;
    if (value === (defaults?.[key] ?? field.default)) url.searchParams.delete(name);
    else url.searchParams.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
}

/** The settings of one demo that the link itself gives, with a valid value: they win over any default. */
export function givenKeys<S extends Schema>(
  query: URLSearchParams,
  id: string,
  schema: S,
  raw: Readonly<Record<string, string | boolean>>,
): Set<string> {
  const given = new Set<string>();
  for (const [key, field] of Object.entries(schema)) {
    const text = query.get(`${id}.${key}`);
    if (text === null) continue;
    const accepted = field.kind === 'boolean' ? parseBoolean(text) === raw[key] : text === raw[key];
    if (accepted) given.add(key);
  }
  return given;
}

function parseBoolean(raw: string): boolean | undefined {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return undefined;
}

export interface Link {
  /** The demo to show alone, or null for the full page. */
  embed: string | null;
  /** A forced colour scheme, or null to follow the preference (in an iframe: the parent's). */
  theme: Theme | null;
  /** `minimal`: an embed shows only its demo's main fields, Run and result (`controls=minimal`). */
  controls: Controls;
  /** Every demo's settings as the link gives them, defaults where it does not. */
  settings: Map<string, Record<string, string | boolean>>;
  notices: string[];
}

/**
 * Reads a whole link against every demo's schema: the page's own parameters, each demo's settings, and one grouped
 * notice for every name that belongs to no setting.
 */
export function readLink(query: URLSearchParams, schemas: ReadonlyMap<string, Schema>): Link {
  const notices: string[] = [];
  let embed: string | null = null;
  const embedRaw = query.get('embed');
  if (embedRaw !== null) {
    if (schemas.has(embedRaw)) embed = embedRaw;
    else
      notices.push(`The link asks to embed a demo that does not exist (${quote(embedRaw)}); the whole page is shown.`);
  }
  let theme: Theme | null = null;
  const themeRaw = query.get('theme');
  if (themeRaw !== null) {
    if (isTheme(themeRaw)) theme = themeRaw;
    else notices.push(`The link's theme ${quote(themeRaw)} is not light or dark; your preference is used.`);
  }
  let controls: Controls = 'full';
  const controlsRaw = query.get('controls');
  if (controlsRaw !== null) {
    if ((CONTROLS as readonly string[]).includes(controlsRaw)) controls = controlsRaw as Controls;
    else notices.push(`The link's controls ${quote(controlsRaw)} are not full or minimal; all of them are shown.`);
  }
  const settings = new Map<string, Record<string, string | boolean>>();
  for (const [id, schema] of schemas) {
    const group = readGroup(query, id, schema);
    settings.set(id, group.raw);
    notices.push(...group.notices);
  }
  const unknown = [...new Set(query.keys())].filter((name) => !APP_PARAMETERS.has(name) && !isSetting(name, schemas));
  if (unknown.length > 0) notices.push(unknownNotice(unknown));
  return { embed, theme, controls, settings, notices };
}

function isSetting(name: string, schemas: ReadonlyMap<string, Schema>): boolean {
  const dot = name.indexOf('.');
  const schema = dot > 0 ? schemas.get(name.slice(0, dot)) : undefined;
  return schema !== undefined && Object.hasOwn(schema, name.slice(dot + 1));
}

/** "3 unknown settings in the link were ignored: "a", "b", "c"." — a few names, then only a count. */
export function unknownNotice(names: readonly string[]): string {
  const named = names.slice(0, MAX_NAMED_UNKNOWN).map(quote).join(', ');
  const rest = names.length - MAX_NAMED_UNKNOWN;
  const list = rest > 0 ? `${named} and ${rest} more` : named;
  return names.length === 1
    ? `The link has a setting this page does not know, ignored: ${list}.`
    : `${names.length} settings in the link are unknown to this page and were ignored: ${list}.`;
}

/**
 * The link that shows one demo alone: the page's address with `embed`, the demo's own settings, a theme, and
 * `controls=minimal` for the compact embed.
 */
export function embedUrl(page: URL, demo: string, theme: Theme | null = null, controls: Controls = 'full'): URL {
  const url = new URL(page.href);
  url.hash = '';
  url.search = '';
  url.searchParams.set('embed', demo);
  if (theme) url.searchParams.set('theme', theme);
  if (controls !== 'full') url.searchParams.set('controls', controls);
  for (const [name, value] of page.searchParams) if (name.startsWith(`${demo}.`)) url.searchParams.append(name, value);
  return url;
}

/** The full playground's address for an embed: the same settings, without `embed`, `theme` and `controls`. */
export function fullPageUrl(page: URL, demo: string | null): URL {
  const url = new URL(page.href);
  for (const name of APP_PARAMETERS) url.searchParams.delete(name);
  url.hash = demo ? demo : '';
  return url;
}

/** An attribute value, escaped for HTML. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The iframe snippet a tutorial pastes. `allow="cross-origin-isolated"` lets the embed use shared memory when the
 * tutorial page is itself cross-origin isolated.
 */
export function embedSnippet(src: URL, title: string, height: number): string {
  return (
    `<iframe src="${attribute(src.href)}" title="${attribute(title)}" width="100%" height="${Math.round(height)}" ` +
    `style="border: 0" loading="lazy" allow="cross-origin-isolated"></iframe>`
  );
}

/**
 * Settings <-> query string, pure: `<demo>.<key>=<value>` per setting, plus the app's own `embed` and `theme`.
 * Values are only compared, parsed and bound as text; a name from the URL appears in a notice only quoted and cut
 * short, and the page renders notices as text, never as HTML.
 */

export type SettingValue = string | boolean;

/** Optional checks per key: a value read from the URL that fails its check falls back to the default. */
export type SettingChecks<T> = Partial<Record<keyof T & string, (raw: string) => boolean>>;

/** Longer values are refused: no setting needs them, and a notice should not have to quote them. */
export const MAX_VALUE_LENGTH = 500;

/** The parameters that belong to the page rather than to a demo. */
const APP_PARAMETERS = ['embed', 'theme'] as const;
const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A name or value from the URL, safe to put in a sentence: quoted, control characters dropped, at most 40 chars. */
export function quote(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '');
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 39)}…` : clean);
}

/** Reads one demo's settings from a query string: valid values override the defaults, the rest give notices. */
export function readSettings<T extends Record<string, SettingValue>>(
  query: URLSearchParams,
  demo: string,
  defaults: T,
  checks: SettingChecks<T> = {},
): { values: T; notices: string[] } {
  const values = { ...defaults };
  const notices: string[] = [];
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const all = query.getAll(`${demo}.${key}`);
    if (all.length === 0) continue;
    const raw = all[0]!;
    const fallback = defaults[key];
    if (all.length > 1) notices.push(`The link gives ${demo} ${key} ${all.length} times; the first value is used.`);
    const parsed = typeof fallback === 'boolean' ? parseBoolean(raw) : raw;
    const check = checks[key];
    const valid =
      parsed !== undefined &&
      raw.length <= MAX_VALUE_LENGTH &&
      (typeof parsed === 'boolean' || !check || check(parsed));
    if (!valid) {
      notices.push(`The link's value for ${demo} ${key} was not valid; the default (${String(fallback)}) is used.`);
      continue;
    }
    (values as Record<string, SettingValue>)[key] = parsed;
  }
  for (const name of new Set(query.keys())) {
    const dot = name.indexOf('.');
    const key = name.slice(dot + 1);
    // Object.hasOwn, not `in`: `speedup.constructor` is not a setting.
    if (dot > 0 && name.slice(0, dot) === demo && !Object.hasOwn(defaults, key)) {
      notices.push(`The link names a setting this page does not have (${demo} ${quote(key)}); it is ignored.`);
    }
  }
  return { values, notices };
}

/** Writes one demo's settings into `url`: only values that differ from the default; booleans as 1 / 0. */
export function writeSettings<T extends Record<string, SettingValue>>(
  url: URL,
  demo: string,
  defaults: T,
  values: T,
): void {
  for (const key of Object.keys(defaults)) {
    const value = values[key] as SettingValue;
    const name = `${demo}.${key}`;
    if (value === defaults[key]) url.searchParams.delete(name);
    else url.searchParams.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : value);
  }
}

function parseBoolean(raw: string): boolean | undefined {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return undefined;
}

export interface AppParameters {
  /** The demo to show alone, or null for the full page. */
  embed: string | null;
  /** A forced colour scheme, or null to follow the preference (in an iframe: the parent's). */
  theme: Theme | null;
  notices: string[];
}

/** Reads the page's own parameters, and notes any parameter that belongs to no demo. */
export function readAppParameters(query: URLSearchParams, demoIds: readonly string[]): AppParameters {
  const notices: string[] = [];
  let embed: string | null = null;
  const embedRaw = query.get('embed');
  if (embedRaw !== null) {
    if (demoIds.includes(embedRaw)) embed = embedRaw;
    else
      notices.push(`The link asks to embed a demo that does not exist (${quote(embedRaw)}); the whole page is shown.`);
  }
  let theme: Theme | null = null;
  const themeRaw = query.get('theme');
  if (themeRaw !== null) {
    if ((THEMES as readonly string[]).includes(themeRaw)) theme = themeRaw as Theme;
    else notices.push(`The link's theme ${quote(themeRaw)} is not light or dark; your preference is used.`);
  }
  for (const name of new Set(query.keys())) {
    const prefix = name.slice(0, Math.max(0, name.indexOf('.')));
    if (!(APP_PARAMETERS as readonly string[]).includes(name) && !demoIds.includes(prefix)) {
      notices.push(`The link has a parameter this page does not know (${quote(name)}); it is ignored.`);
    }
  }
  return { embed, theme, notices };
}

/** The link that shows one demo alone: the page's address with `embed`, the demo's own settings, and a theme. */
export function embedUrl(page: URL, demo: string, theme: Theme | null = null): URL {
  const url = new URL(page.href);
  url.hash = '';
  url.search = '';
  url.searchParams.set('embed', demo);
  if (theme) url.searchParams.set('theme', theme);
  for (const [name, value] of page.searchParams) if (name.startsWith(`${demo}.`)) url.searchParams.append(name, value);
  return url;
}

/** The full playground's address for an embed: the same settings, without `embed` and `theme`. */
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

/**
 * Every setting of every demo lives in the page's query string, as `<demo>.<key>=<value>`, so that a link (or an
 * embed) restores the exact set-up. Values are read once at load, checked, and written back on every change.
 * Nothing read from the URL is rendered as HTML: values are only compared, parsed and bound as text.
 */

export type SettingValue = string | boolean;

/** Optional checks per key: a value read from the URL that fails its check falls back to the default. */
export type SettingChecks<T> = Partial<Record<keyof T & string, (raw: string) => boolean>>;

/** What was refused in the URL, for the page to show. */
export const urlNotices: string[] = $state([]);

/**
 * Returns a reactive copy of `defaults` for `demo`, overridden by valid values in the URL and synced back to it.
 * Booleans are written as `1` / `0`. Only values that differ from the default are kept in the URL.
 */
export function urlSettings<T extends Record<string, SettingValue>>(
  demo: string,
  defaults: T,
  checks: SettingChecks<T> = {},
): T {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once at load, not state
  const query = new URLSearchParams(location.search);
  const initial = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const raw = query.get(`${demo}.${key}`);
    if (raw === null) continue;
    const fallback = defaults[key];
    const parsed = typeof fallback === 'boolean' ? parseBoolean(raw) : raw;
    if (parsed === undefined || (typeof parsed === 'string' && checks[key] && !checks[key](parsed))) {
      urlNotices.push(`The link's value for ${demo} ${key} was not valid; the default (${String(fallback)}) is used.`);
      continue;
    }
    (initial as Record<string, SettingValue>)[key] = parsed;
  }
  for (const name of query.keys()) {
    const [prefix, key] = name.split('.', 2);
    if (prefix === demo && key && !(key in defaults)) {
      urlNotices.push(`The link names a setting this page does not have (${demo} ${key}); it is ignored.`);
    }
  }

  const settings = $state(initial);
  $effect.root(() => {
    $effect(() => {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a scratch copy to write into history, not state
      const url = new URL(location.href);
      for (const key of Object.keys(defaults)) {
        const value = settings[key] as SettingValue;
        const name = `${demo}.${key}`;
        if (value === defaults[key]) url.searchParams.delete(name);
        else url.searchParams.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : value);
      }
      if (url.href !== location.href) history.replaceState(history.state, '', url);
    });
  });
  return settings;
}

function parseBoolean(raw: string): boolean | undefined {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return undefined;
}

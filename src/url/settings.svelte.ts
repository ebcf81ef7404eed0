/**
 * Every setting of every demo lives in the page's query string, as `<demo>.<key>=<value>`, so that a link (or an
 * embed) restores the exact set-up. Values are read once at load, checked, and written back on every change.
 * Parsing and writing are pure (./query.ts); this file makes them reactive.
 */
import { readSettings, writeSettings, type SettingChecks, type SettingValue } from './query';

export type { SettingChecks, SettingValue } from './query';

/** What was refused in the URL, for the page to show (as text). */
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
  const { values, notices } = readSettings(new URLSearchParams(location.search), demo, defaults, checks);
  urlNotices.push(...notices);

  const settings = $state(values);
  $effect.root(() => {
    $effect(() => {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a scratch copy to write into history, not state
      const url = new URL(location.href);
      writeSettings(url, demo, defaults, settings);
      if (url.href !== location.href) history.replaceState(history.state, '', url);
    });
  });
  return settings;
}

/**
 * Every setting of every demo lives in the page's query string, as `<demo>.<key>=<value>`, so that a link (or an
 * embed) restores the exact set-up. The link is read once at load against every schema; each demo's settings then
 * start from it and are written back on every change.
 */
import type { Schema } from './fields';
import type { Settings } from './settings.svelte';
import { givenKeys, readLink, writeGroup, type Link } from './url';

let link: Link | null = null;
/** Per demo, the settings the link gave explicitly. */
let given: ReadonlyMap<string, ReadonlySet<string>> = new Map();

/** What was refused in the link, for the page to show (as text). */
export const linkNotices: string[] = $state([]);

/** Reads the page's link once, against every demo's schema. */
export function loadLink(query: URLSearchParams, schemas: ReadonlyMap<string, Schema>): Link {
  link = readLink(query, schemas);
  const settings = link.settings;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once at load, never changed: not state
  given = new Map([...schemas].map(([id, schema]) => [id, givenKeys(query, id, schema, settings.get(id) ?? {})]));
  linkNotices.push(...link.notices);
  return link;
}

/** A demo's settings as the link gave them, or nothing when no link was read (tests, the benchmark page). */
export function linkedValues(id: string): Record<string, string | boolean> | undefined {
  return link?.settings.get(id);
}

const NONE: ReadonlySet<string> = Object.freeze(new Set<string>());

/** The settings of a demo that the link gave explicitly (none when no link was read). */
export function linkedKeys(id: string): ReadonlySet<string> {
  return given.get(id) ?? NONE;
}

/** Keeps a demo's settings in the address bar while it is shown; returns the function that stops it. */
export function keepInUrl<S extends Schema>(settings: Settings<S>): () => void {
  return $effect.root(() => {
    $effect(() => {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a scratch copy to write into history, not state
      const url = new URL(location.href);
      writeGroup(url, settings.id, settings.schema, settings.raw, settings.linkDefaults);
      if (url.href !== location.href) history.replaceState(history.state, '', url);
    });
  });
}

/** What the page knows when its service worker is ready. */
export interface ReloadFacts {
  /** `crossOriginIsolated` already: the host sends the headers, or the service worker did on this load. */
  isolated: boolean;
  /** Inside an iframe: isolation then depends on the parent page, and a reload cannot change it. */
  framed: boolean;
  /** This tab already reloaded once for isolation. */
  alreadyReloaded: boolean;
}

/**
 * Whether to reload so that the service worker's headers apply to the page itself. At most once per tab: if a
 * reload did not make the page isolated, another one will not either (e.g. a browser that ignores them).
 */
export function shouldReload({ isolated, framed, alreadyReloaded }: ReloadFacts): boolean {
  return !isolated && !framed && !alreadyReloaded;
}

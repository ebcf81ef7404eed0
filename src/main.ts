import { mount } from 'svelte';
import type { DemoEntry } from './demos/demo';
import { DEMOS, findEntry, schemasForLink, withMetas } from './demos/registry';
import { readEnvironment } from './environment';
import { isTheme, loadLink } from './settings';
import { afterStartup } from './ui/shell/lazy.svelte';
import './ui/app.css';
import './ui/print.css';

const env = readEnvironment();
const query = new URLSearchParams(location.search);
const embedded = findEntry(query.get('embed'));
// Before the first paint, so an embed never flashes the wrong colours.
const theme = query.get('theme');
if (isTheme(theme)) document.documentElement.dataset.theme = theme;
if (embedded) document.documentElement.classList.add('embedded');
// The service worker makes the next visit cross-origin isolated (the full page reloads once for it, so it starts at
// once there); an embed never reloads, so it registers it once its demo is usable.
const startServiceWorker = () => void import('./hosting/serviceWorker.svelte').then((sw) => sw.startServiceWorker());
if (embedded) afterStartup(startServiceWorker);
else startServiceWorker();

/**
 * An embed loads its own demo only; the full page every demo's meta, for its navigation. Either way, the link is read
 * once the schemas it names have loaded, before any demo reads its settings from it; everything loads in parallel.
 */
async function start(): Promise<void> {
  const target = document.getElementById('app')!;
  const link = schemasForLink(query, env).then((schemas) => loadLink(query, schemas));
  if (embedded) {
    const page = Promise.all([import('./EmbedApp.svelte'), withMetas([embedded]), link]);
    loadFirstView(embedded);
    const [{ default: EmbedApp }, [demo], { controls }] = await page;
    mount(EmbedApp, { target, props: { env, demo: demo!, compact: controls === 'minimal' } });
  } else {
    const page = Promise.all([import('./App.svelte'), withMetas(DEMOS), link]);
    if (!location.hash) loadFirstView(DEMOS[0]!);
    const [{ default: App }, demos] = await page;
    mount(App, { target, props: { env, demos } });
    keepFragmentInView();
    addEventListener('hashchange', keepFragmentInView);
  }
}

/**
 * The browser looked for the address's fragment (`#scheduling`) before the page had rendered it, so it no longer keeps
 * it in view while the page loads: do it here, as it would have, and again for each fragment followed later (the
 * navigation's links), since the demos around the target mount as it comes near. Until the visitor scrolls, types or
 * clicks (or 10 s have passed), the target goes back to the top of the view whenever those demos change the page.
 */
let stopFollowing = () => {};
function keepFragmentInView(): void {
  stopFollowing();
  if (!fragmentTarget()) return;
  const follow = () => fragmentTarget()?.scrollIntoView();
  follow();
  const observer = new ResizeObserver(follow);
  observer.observe(document.body);
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const timer = setTimeout(() => stopFollowing(), 10_000);
  stopFollowing = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const name of events) removeEventListener(name, stopFollowing);
  };
  for (const name of events) addEventListener(name, stopFollowing, { passive: true });
}

function fragmentTarget(): HTMLElement | null {
  const fragment = location.hash.slice(1);
  if (!fragment) return null;
  try {
    return document.getElementById(decodeURIComponent(fragment));
  } catch {
    return document.getElementById(fragment); // a malformed escape: as it is
  }
}

/**
 * The demo in view first (the embedded one, or the top one of a page opened at its top) starts loading right after
 * the page itself (its view cannot show before the page), not once the page has rendered its placeholder; its
 * DemoView then gets the same module. A failure shows there.
 */
function loadFirstView(entry: DemoEntry): void {
  entry.load().catch(() => {});
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  document.getElementById('app')!.textContent = `The page could not load (${message}). Reload it to try again.`;
});

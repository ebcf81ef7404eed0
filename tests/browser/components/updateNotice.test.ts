import { flushSync, mount, unmount } from 'svelte';
import { afterEach, expect, it, vi } from 'vitest';
import type { ApplyUpdate } from '../../../src/hosting/updates';
import UpdateNotice from '../../../src/ui/UpdateNotice.svelte';

// The service worker side is unit-tested (tests/unit/updates.test.ts); here the watcher reports a waiting version.
const watcher = vi.hoisted(() => ({ onReady: null as ((apply: ApplyUpdate) => void) | null, stopped: 0 }));
vi.mock('../../../src/hosting/updates', () => ({
  watchServiceWorkerUpdates: (onReady: (apply: ApplyUpdate) => void) => {
    watcher.onReady = onReady;
    return () => watcher.stopped++;
  },
}));

afterEach(() => document.body.replaceChildren());

it('stays hidden until a new version waits, then offers Reload, which applies it once', () => {
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(UpdateNotice, { target });
  flushSync();
  expect(target.textContent!.trim()).toBe('');

  const apply = vi.fn();
  watcher.onReady!(apply);
  flushSync();
  expect(target.querySelector('[data-testid="update-notice"]')!.textContent).toMatch(
    /A new version is ready\.\s+Reload/,
  );
  const button = target.querySelector('button')!;
  button.click();
  flushSync();
  button.click();
  expect(apply).toHaveBeenCalledTimes(1);
  expect(button.disabled).toBe(true);
  expect(button.textContent).toBe('Reloading…');

  unmount(component);
  expect(watcher.stopped).toBe(1);
});

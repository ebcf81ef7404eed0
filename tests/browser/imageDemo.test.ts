import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { notIsolatedReason, type Environment } from '../../src/environment';
import ArraySumDemo from '../../src/demos/array-sum/View.svelte';
import ImageDemo from '../../src/demos/image/View.svelte';

let mounted: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (mounted) unmount(mounted);
  mounted = undefined;
  document.body.replaceChildren();
});

function render(crossOriginIsolated: boolean, view: typeof ImageDemo = ImageDemo): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const env: Environment = {
    hardwareConcurrency: 2,
    crossOriginIsolated,
    browser: 'test',
    notIsolatedReason: crossOriginIsolated ? null : notIsolatedReason(false),
  };
  mounted = mount(view, { target, props: { env } });
  flushSync();
  return target;
}

const sharedRadios = (root: HTMLElement) => [
  ...root.querySelectorAll<HTMLInputElement>('input[type="radio"][value="shared"]'),
];

describe('the image demo and cross-origin isolation', () => {
  it('un-isolated: shared mode is disabled in both demos’ pickers, with the reason and a link on COOP/COEP', () => {
    const arraySum = render(false, ArraySumDemo);
    expect(sharedRadios(arraySum)).toHaveLength(1);
    expect(sharedRadios(arraySum)[0]!.disabled).toBe(true);
    unmount(mounted!);
    document.body.replaceChildren();
    const root = render(false);
    expect(sharedRadios(root)).toHaveLength(1);
    for (const radio of sharedRadios(root)) expect(radio.disabled).toBe(true);
    const reason = root.querySelector('[data-testid="image-mode-shared-unavailable"]')!;
    expect(reason.textContent).toContain('not cross-origin isolated');
    expect(reason.querySelector('a')!.href).toMatch(/coop-coep/);
    const copy = root.querySelector<HTMLInputElement>('input[name="image-mode"][value="copy"]')!;
    expect(copy.disabled).toBe(false);
    expect(copy.checked).toBe(true);
  });

  it('isolated: shared mode can be chosen and no reason is shown', () => {
    const root = render(true);
    for (const radio of sharedRadios(root)) expect(radio.disabled).toBe(false);
    expect(root.querySelector('[data-testid="image-mode-shared-unavailable"]')).toBeNull();
  });
});

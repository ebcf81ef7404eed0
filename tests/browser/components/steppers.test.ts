import { flushSync, mount } from 'svelte';
import { afterEach, expect, it } from 'vitest';
import { integer, Settings } from '../../../src/settings';
import SettingsFields from '../../../src/ui/SettingsFields.svelte';

afterEach(() => document.body.replaceChildren());

const schema = {
  n: integer({ label: 'n', min: 20, max: 22, default: 21, step: 'one' }),
  size: integer({ label: 'Size', min: 1, max: 100, default: 40, step: 'double' }),
  reps: integer({ label: 'Repetitions', min: 1, max: 20, default: 3 }),
};

function form() {
  const settings = new Settings('demo', schema, { initial: {}, fixed: new Set() });
  const target = document.body.appendChild(document.createElement('div'));
  mount(SettingsFields, { target, props: { settings } });
  flushSync();
  const button = (name: string) => target.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
  const input = (key: string) => target.querySelector<HTMLInputElement>(`#demo-${key}`)!;
  return { settings, target, button, input };
}

it('gives − and + only to the fields marked with a step, and moves the exact field', () => {
  const { settings, target, button, input } = form();
  expect([...target.querySelectorAll('button[data-step]')].map((b) => b.getAttribute('aria-label'))).toEqual([
    'Decrease n',
    'Increase n',
    'Decrease Size',
    'Increase Size',
  ]);
  button('Increase n').click();
  flushSync();
  expect([settings.raw.n, input('n').value]).toEqual(['22', '22']);
  button('Decrease Size').click();
  flushSync();
  expect([settings.raw.size, input('size').value]).toEqual(['20', '20']);
  expect(settings.result.ok).toBe(true);
});

it('disables a step that would leave the bounds, and both while the text is not a number', () => {
  const { settings, button } = form();
  button('Increase n').click();
  flushSync();
  expect(button('Increase n').disabled).toBe(true); // 22 is the most
  expect(button('Decrease n').disabled).toBe(false);
  button('Increase Size').click(); // 40 → 80
  flushSync();
  expect(settings.raw.size).toBe('80');
  expect(button('Increase Size').disabled).toBe(true); // 160 is past 100
  settings.edit('size', 'lots');
  flushSync();
  expect([button('Increase Size').disabled, button('Decrease Size').disabled]).toEqual([true, true]);
});

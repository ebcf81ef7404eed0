import { describe, expect, it } from 'vitest';
import {
  embedSnippet,
  embedUrl,
  fullPageUrl,
  MAX_VALUE_LENGTH,
  quote,
  readAppParameters,
  readSettings,
  writeSettings,
} from '../../src/url/query';

const defaults = { task: 'fib', reps: '3', main: false };
const checks = { task: (raw: string) => ['fib', 'sum'].includes(raw), reps: (raw: string) => /^\d+$/.test(raw) };
const read = (search: string) => readSettings(new URLSearchParams(search), 'speedup', defaults, checks);

describe('readSettings', () => {
  it('takes valid values, booleans as 1/0/true/false, and ignores other demos', () => {
    expect(read('speedup.task=sum&speedup.reps=5&speedup.main=1&fetch.n=9')).toEqual({
      values: { task: 'sum', reps: '5', main: true },
      notices: [],
    });
    expect(read('speedup.main=false').values.main).toBe(false);
    expect(read('').values).toEqual(defaults);
  });

  it('falls back to the default, with a notice, for every invalid value', () => {
    const { values, notices } = read('speedup.task=bogus&speedup.reps=-1&speedup.main=yes');
    expect(values).toEqual(defaults);
    expect(notices).toEqual([
      "The link's value for speedup task was not valid; the default (fib) is used.",
      "The link's value for speedup reps was not valid; the default (3) is used.",
      "The link's value for speedup main was not valid; the default (false) is used.",
    ]);
  });

  it('refuses hostile values and never repeats them in a notice', () => {
    const hostile = '<script>alert(1)</script>';
    const { values, notices } = read(`speedup.task=${encodeURIComponent(hostile)}`);
    expect(values.task).toBe('fib');
    expect(notices.join(' ')).not.toContain('<script');
    // A key without a check keeps text as typed (it is only ever bound as text), unless it is absurdly long.
    const free = readSettings(new URLSearchParams(`d.note=${encodeURIComponent(hostile)}`), 'd', { note: '' });
    expect(free.values.note).toBe(hostile);
    const long = readSettings(new URLSearchParams(`d.note=${'a'.repeat(MAX_VALUE_LENGTH + 1)}`), 'd', { note: '' });
    expect(long.values.note).toBe('');
    expect(long.notices).toHaveLength(1);
  });

  it('names unknown settings of this demo, quoted and cut short, including inherited property names', () => {
    const { values, notices } = read(
      `speedup.constructor=1&speedup.__proto__=x&speedup.${encodeURIComponent('<img src=x onerror=alert(1)>'.repeat(3))}=1`,
    );
    expect(values).toEqual(defaults);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(notices).toEqual([
      'The link names a setting this page does not have (speedup "constructor"); it is ignored.',
      'The link names a setting this page does not have (speedup "__proto__"); it is ignored.',
      'The link names a setting this page does not have (speedup "<img src=x onerror=alert(1)><img src=x …"); it is ignored.',
    ]);
  });

  it('uses the first of repeated values and says so', () => {
    expect(read('speedup.reps=4&speedup.reps=9')).toEqual({
      values: { ...defaults, reps: '4' },
      notices: ['The link gives speedup reps 2 times; the first value is used.'],
    });
  });
});

describe('writeSettings', () => {
  it('keeps only values that differ from the default, and reads back the same settings', () => {
    const url = new URL('https://host/pp/?other=1&speedup.reps=7');
    const values = { task: 'sum', reps: '3', main: true };
    writeSettings(url, 'speedup', defaults, values);
    expect(url.search).toBe('?other=1&speedup.task=sum&speedup.main=1');
    expect(read(url.search).values).toEqual(values);
  });
});

describe('quote', () => {
  it('quotes, drops control characters and cuts at 40 characters', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('x\u0000\u001b[31my')).toBe('"x[31my"');
    expect(JSON.parse(quote('z'.repeat(100)))).toHaveLength(40);
  });
});

describe('readAppParameters', () => {
  const demos = ['speedup', 'fetch'];
  const app = (search: string) => readAppParameters(new URLSearchParams(search), demos);

  it('reads embed and theme', () => {
    expect(app('embed=fetch&theme=dark&fetch.n=3')).toEqual({ embed: 'fetch', theme: 'dark', notices: [] });
    expect(app('')).toEqual({ embed: null, theme: null, notices: [] });
  });

  it('refuses an unknown demo, theme or parameter with a quoted notice', () => {
    const { embed, theme, notices } = app('embed=%3Cscript%3E&theme=neon&utm_source=x&nodemo.k=1');
    expect(embed).toBeNull();
    expect(theme).toBeNull();
    expect(notices).toEqual([
      'The link asks to embed a demo that does not exist ("<script>"); the whole page is shown.',
      'The link\'s theme "neon" is not light or dark; your preference is used.',
      'The link has a parameter this page does not know ("utm_source"); it is ignored.',
      'The link has a parameter this page does not know ("nodemo.k"); it is ignored.',
    ]);
  });
});

describe('embed links', () => {
  const page = new URL('https://example.org/demos/pp/?speedup.reps=5&fetch.n=9&theme=dark#fetch');

  it('an embed keeps its own demo settings only; the full page keeps them all', () => {
    expect(embedUrl(page, 'speedup').href).toBe('https://example.org/demos/pp/?embed=speedup&speedup.reps=5');
    expect(embedUrl(page, 'fetch', 'light').href).toBe(
      'https://example.org/demos/pp/?embed=fetch&theme=light&fetch.n=9',
    );
    const embed = embedUrl(page, 'fetch');
    expect(fullPageUrl(embed, 'fetch').href).toBe('https://example.org/demos/pp/?fetch.n=9#fetch');
  });

  it('the snippet escapes its attributes and allows cross-origin isolation', () => {
    const snippet = embedSnippet(new URL('https://h/?embed=a&a.x=%22%3E'), 'Say "hi" <b>', 612.4);
    expect(snippet).toBe(
      '<iframe src="https://h/?embed=a&amp;a.x=%22%3E" title="Say &quot;hi&quot; &lt;b&gt;" width="100%" ' +
        'height="612" style="border: 0" loading="lazy" allow="cross-origin-isolated"></iframe>',
    );
  });
});

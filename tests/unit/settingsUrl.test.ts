import { describe, expect, it } from 'vitest';
import {
  boolean,
  choice,
  embedSnippet,
  embedUrl,
  fullPageUrl,
  givenKeys,
  integer,
  MAX_NAMED_UNKNOWN,
  MAX_VALUE_LENGTH,
  quote,
  readGroup,
  readLink,
  type Schema,
  text,
  writeGroup,
} from '../../src/settings';

const schema = {
  task: choice({
    label: 'Task',
    options: [
      { value: 'fib', label: 'Fibonacci' },
      { value: 'sum', label: 'Sum' },
    ],
    default: 'fib',
  }),
  reps: integer({ label: 'Repetitions', min: 1, max: 20, default: 3 }),
  main: boolean({ label: 'Main thread', default: false }),
};
const defaults = { task: 'fib', reps: '3', main: false };
const read = (search: string) => readGroup(new URLSearchParams(search), 'speedup', schema);

describe('readGroup', () => {
  it('takes valid values, booleans as 1/0/true/false, and ignores other demos', () => {
    expect(read('speedup.task=sum&speedup.reps=5&speedup.main=1&fetch.n=9')).toEqual({
      raw: { task: 'sum', reps: '5', main: true },
      notices: [],
    });
    expect(read('speedup.main=false').raw.main).toBe(false);
    expect(read('').raw).toEqual(defaults);
  });

  it('falls back to the default, with a notice, for every invalid value', () => {
    const { raw, notices } = read('speedup.task=bogus&speedup.reps=-1&speedup.main=yes');
    expect(raw).toEqual(defaults);
    expect(notices).toEqual([
      "The link's value for speedup task was not valid; the default (fib) is used.",
      "The link's value for speedup reps was not valid; the default (3) is used.",
      "The link's value for speedup main was not valid; the default (false) is used.",
    ]);
  });

  it('refuses hostile values and prototype names, and never repeats them in a notice', () => {
    const hostile = '<script>alert(1)</script>';
    for (const value of [hostile, 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const { raw, notices } = read(`speedup.task=${encodeURIComponent(value)}`);
      expect(raw.task).toBe('fib');
      expect(notices.join(' ')).not.toContain('<script');
    }
    // A free-text setting keeps text as typed (it is only ever bound as text), unless it is absurdly long.
    const note = { note: text({ label: 'Note', default: '', parse: (raw) => ({ ok: true, value: raw }) }) };
    const free = readGroup(new URLSearchParams(`d.note=${encodeURIComponent(hostile)}`), 'd', note);
    expect(free.raw.note).toBe(hostile);
    const long = readGroup(new URLSearchParams(`d.note=${'a'.repeat(MAX_VALUE_LENGTH + 1)}`), 'd', note);
    expect(long.raw.note).toBe('');
    expect(long.notices).toHaveLength(1);
  });

  it('uses the first of repeated values and says so', () => {
    expect(read('speedup.reps=4&speedup.reps=9')).toEqual({
      raw: { ...defaults, reps: '4' },
      notices: ['The link gives speedup reps 2 times; the first value is used.'],
    });
  });
});

describe('writeGroup', () => {
  it('keeps only values that differ from the default, and reads back the same settings', () => {
    const url = new URL('https://host/pp/?other=1&speedup.reps=7');
    const raw = { task: 'sum', reps: '3', main: true };
    writeGroup(url, 'speedup', schema, raw);
    expect(url.search).toBe('?other=1&speedup.task=sum&speedup.main=1');
    expect(read(url.search).raw).toEqual(raw);
  });

  it('measures against the defaults the page chose for this machine, when it chose some', () => {
    const url = new URL('https://host/pp/');
    writeGroup(url, 'speedup', schema, { task: 'fib', reps: '5', main: false }, { ...defaults, reps: '5' });
    expect(url.search).toBe('');
    writeGroup(url, 'speedup', schema, { task: 'fib', reps: '3', main: false }, { ...defaults, reps: '5' });
    expect(url.search).toBe('?speedup.reps=3');
  });
});

describe('givenKeys', () => {
  it('names the settings the link gives with a valid value, even one equal to the default', () => {
    const query = new URLSearchParams('speedup.reps=3&speedup.main=1&speedup.task=nope&other.reps=9');
    expect([...givenKeys(query, 'speedup', schema, read(query.toString()).raw)]).toEqual(['reps', 'main']);
    expect(givenKeys(new URLSearchParams(''), 'speedup', schema, defaults).size).toBe(0);
  });
});

describe('quote', () => {
  it('quotes, drops control characters and cuts at 40 characters', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('x\u0000\u001b[31my')).toBe('"x[31my"');
    expect(JSON.parse(quote('z'.repeat(100)))).toHaveLength(40);
  });
});

describe('readLink', () => {
  const schemas = new Map<string, Schema>([
    ['speedup', schema],
    ['array-sum', { n: integer({ label: 'Elements', min: 1, max: 1e9, default: 1e6 }) }],
    ['fetch', {}],
  ]);
  const link = (search: string) => readLink(new URLSearchParams(search), schemas);

  it('reads embed, theme and every demo’s settings, hyphenated ids included', () => {
    const { embed, theme, settings, notices } = link('embed=fetch&theme=dark&speedup.reps=4&array-sum.n=5000');
    expect({ embed, theme, notices }).toEqual({ embed: 'fetch', theme: 'dark', notices: [] });
    expect(settings.get('speedup')).toEqual({ ...defaults, reps: '4' });
    expect(settings.get('array-sum')).toEqual({ n: '5000' });
    expect(link('')).toMatchObject({ embed: null, theme: null, controls: 'full', notices: [] });
  });

  it('reads controls=minimal for the compact embed, and refuses other values with a notice', () => {
    expect(link('embed=fetch&controls=minimal')).toMatchObject({ controls: 'minimal', notices: [] });
    expect(link('controls=%3Cb%3E')).toMatchObject({
      controls: 'full',
      notices: ['The link\'s controls "<b>" are not full or minimal; all of them are shown.'],
    });
  });

  it('refuses an unknown demo or theme with a quoted notice', () => {
    expect(link('embed=%3Cscript%3E&theme=neon').notices).toEqual([
      'The link asks to embed a demo that does not exist ("<script>"); the whole page is shown.',
      'The link\'s theme "neon" is not light or dark; your preference is used.',
    ]);
    expect(link('embed=constructor').embed).toBeNull();
  });

  it('groups unknown names, inherited property names included, into one capped notice', () => {
    expect(link('utm_source=x').notices).toEqual([
      'The link has a setting this page does not know, ignored: "utm_source".',
    ]);
    const names = [
      'speedup.constructor',
      'speedup.__proto__',
      'nodemo.k',
      ...Array.from({ length: 700 }, (_, i) => `x${i}`),
    ];
    const { notices, settings } = link(names.map((name) => `${name}=1`).join('&'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toBe(
      `703 settings in the link are unknown to this page and were ignored: "speedup.constructor", "speedup.__proto__", "nodemo.k", "x0", "x1" and ${703 - MAX_NAMED_UNKNOWN} more.`,
    );
    expect(Object.getPrototypeOf(settings.get('speedup'))).toBe(Object.prototype);
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
    const compact = embedUrl(page, 'fetch', null, 'minimal');
    expect(compact.href).toBe('https://example.org/demos/pp/?embed=fetch&controls=minimal&fetch.n=9');
    expect(fullPageUrl(compact, 'fetch').href).toBe('https://example.org/demos/pp/?fetch.n=9#fetch');
  });

  it('the snippet escapes its attributes and allows cross-origin isolation', () => {
    const snippet = embedSnippet(new URL('https://h/?embed=a&a.x=%22%3E'), 'Say "hi" <b>', 612.4);
    expect(snippet).toBe(
      '<iframe src="https://h/?embed=a&amp;a.x=%22%3E" title="Say &quot;hi&quot; &lt;b&gt;" width="100%" ' +
        'height="612" style="border: 0" loading="lazy" allow="cross-origin-isolated"></iframe>',
    );
  });
});

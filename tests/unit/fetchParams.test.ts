import { describe, expect, it } from 'vitest';
import { fetchParams, fetchSchema, refineFetch } from '../../src/demos/fetch/settings';
import { FETCH_DEFAULTS, FETCH_PRESETS, parseHttpUrl } from '../../src/fetch/params';
import { parseSettings, type RawValues } from '../../src/settings';

/** The demo's settings as typed, read by its schema: the run's parameters, or a message per field that is wrong. */
function validateFetch(raw: RawValues<ReturnType<typeof fetchSchema>>) {
  const result = parseSettings(fetchSchema(), raw, refineFetch);
  return result.ok ? { ok: true, params: fetchParams(result.values) } : result;
}

describe('validateFetch', () => {
  it('accepts the defaults and every preset', () => {
    expect(validateFetch(FETCH_DEFAULTS)).toMatchObject({
      ok: true,
      params: { source: 'delay', strategy: { kind: 'all' }, n: 20, delayMs: 200, failRate: 0, timeoutMs: 5000 },
    });
    for (const preset of FETCH_PRESETS) expect(validateFetch({ ...FETCH_DEFAULTS, ...preset.values }).ok).toBe(true);
    expect(validateFetch({ ...FETCH_DEFAULTS, strategy: 'limited', k: '5' })).toMatchObject({
      params: { strategy: { kind: 'limited', k: 5 } },
    });
  });

  it.each([
    ['n', '0', 'Requests (N) must be from 1 to 500'],
    ['n', 'ten', 'Requests (N) must be a number, got "ten"'],
    ['n', '', 'Requests (N) is required'],
    ['delay', '-1', 'Delay cannot be negative'],
    ['delay', '20000', 'Delay must be from 0 to 10,000'],
    ['timeout', '0', 'Timeout must be from 1 to 120,000'],
    ['timeout', '1.5', 'Timeout must be a whole number'],
    ['fail', '101', 'Failure rate must be from 0 to 100'],
  ])('refuses %s = %j with "%s"', (key, value, message) => {
    const result = validateFetch({ ...FETCH_DEFAULTS, [key]: value });
    expect(result).toEqual({ ok: false, errors: { [key]: message } });
  });

  it('checks k only for the limited strategy', () => {
    expect(validateFetch({ ...FETCH_DEFAULTS, strategy: 'all', k: 'x' }).ok).toBe(true);
    expect(validateFetch({ ...FETCH_DEFAULTS, strategy: 'limited', k: '0' })).toEqual({
      ok: false,
      errors: { k: 'k must be from 1 to 500' },
    });
  });

  it('refuses an unknown strategy or source', () => {
    expect(validateFetch({ ...FETCH_DEFAULTS, strategy: '<script>' })).toMatchObject({ ok: false });
    expect(validateFetch({ ...FETCH_DEFAULTS, source: 'ftp' })).toMatchObject({ ok: false });
  });

  it('for a URL source, needs a valid URL and ignores the endpoint-only fields', () => {
    const url = { ...FETCH_DEFAULTS, source: 'url', delay: 'x', fail: 'y' };
    expect(validateFetch({ ...url, url: 'https://example.com/a.json' })).toMatchObject({
      ok: true,
      params: { source: 'url', url: 'https://example.com/a.json' },
    });
    expect(validateFetch({ ...url, url: 'javascript:alert(1)' })).toMatchObject({ ok: false, errors: { url: /http/ } });
  });
});

describe('parseHttpUrl', () => {
  it.each(['https://example.com', ' http://localhost:8080/x?y=1 '])('accepts %j', (raw) => {
    expect(parseHttpUrl(raw).ok).toBe(true);
  });

  it.each([
    ['', /Enter an address/],
    ['example.com/data.json', /not a complete address/],
    ['http//missing-colon', /not a complete address/],
    ['javascript:alert(1)', /not javascript:/],
    ['ftp://example.com/file', /not ftp:/],
    ['data:text/html,<script>alert(1)</script>', /not data:/],
    ['file:///etc/passwd', /not file:/],
  ])('refuses %j', (raw, message) => {
    const parsed = parseHttpUrl(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

import { classifyAddress } from '../../fetch/addressSafety';
import {
  FETCH_DEFAULTS,
  FETCH_LIMITS,
  parseHttpUrl,
  SOURCES,
  STRATEGY_KINDS,
  type FetchParams,
  type Source,
  type StrategyKind,
} from '../../fetch/params';
import type { Strategy } from '../../fetch/strategies';
import { formatCount } from '../../format';
import { advanced, choice, text, type Errors, type TextSetting, type Values } from '../../settings';
import { parseInteger } from '../../tasks/validate';

const STRATEGY_LABELS: Record<StrategyKind, string> = {
  sequential: 'One after another (await in a loop)',
  all: 'All at once (Promise.allSettled)',
  limited: 'At most k at a time (a limiter)',
};

const SOURCE_LABELS: Record<Source, string> = {
  delay: 'The latency endpoint',
  url: 'Your own URL',
};

type Raw = Readonly<Record<string, string | boolean>>;

/** Delay, jitter, payload, failures and seed shape the latency endpoint only; a user's own URL has its real latency. */
const endpointOnly = (raw: Raw) => raw.source !== 'url';

/** A setting's bounds as its help states them: "0–10,000". */
const range = (key: keyof typeof FETCH_LIMITS) =>
  `${formatCount(FETCH_LIMITS[key].min)}–${formatCount(FETCH_LIMITS[key].max)}`;

/** A whole-number setting, read with its bounds and message label from FETCH_LIMITS. */
function limited(
  key: keyof typeof FETCH_LIMITS,
  label: string,
  help: string,
  when?: (raw: Raw) => boolean,
): TextSetting<number> {
  return text({
    label,
    help,
    default: FETCH_DEFAULTS[key],
    when,
    parse: (raw) => parseInteger(raw, FETCH_LIMITS[key]),
  });
}

/** The fetch demo's settings, under the same URL names as before (`fetch.strategy=limited&fetch.k=5…`). */
export function fetchSchema() {
  return {
    source: choice({
      label: 'Requests to',
      options: SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] })),
      default: FETCH_DEFAULTS.source,
    }),
    url: text<string>({
      label: 'URL',
      help: 'An http:// or https:// address that allows cross-origin reads',
      inputmode: 'url',
      default: FETCH_DEFAULTS.url,
      when: (raw) => raw.source === 'url',
      // Empty is fine while the endpoint is chosen; `refineFetch` asks for an address once "Your own URL" is.
      parse: (raw) => (raw.trim() === '' ? { ok: true, value: '' } : parseHttpUrl(raw)),
    }),
    strategy: choice({
      label: 'Strategy',
      options: STRATEGY_KINDS.map((value) => ({ value, label: STRATEGY_LABELS[value] })),
      default: FETCH_DEFAULTS.strategy,
    }),
    k: limited('k', 'k (at a time)', range('k'), (raw) => raw.strategy === 'limited'),
    n: limited('n', 'Requests (N)', `How many requests (${range('n')})`),
    delay: limited('delay', 'Delay ms (L)', `How long each request waits (${range('delay')})`, endpointOnly),
    jitter: advanced(limited('jitter', 'Jitter ms', 'The delay varies by up to ± this', endpointOnly)),
    bytes: advanced(limited('bytes', 'Payload bytes', `Size of each answer (${range('bytes')})`, endpointOnly)),
    fail: limited('fail', 'Failure rate %', 'Share of requests that fail with HTTP 503', endpointOnly),
    seed: advanced(limited('seed', 'Seed', 'The same seed gives the same delays and failures', endpointOnly)),
    timeout: limited('timeout', 'Timeout ms', `Each request is aborted after this (${range('timeout')})`),
  };
}

/** The schema on this machine, by the name src/demos/registry.ts loads every demo's by. */
export const schemaFor = () => fetchSchema();

export type FetchSchema = ReturnType<typeof fetchSchema>;

/**
 * Your own URL needs an address, and one this page may send requests to: never a private, loopback or link-local
 * host (a link could otherwise aim a visitor's browser at their router or a cloud metadata service).
 */
export function refineFetch(pageOrigin: string) {
  return (values: Values<FetchSchema>): Errors<FetchSchema> => {
    if (values.source !== 'url') return {};
    const url = parseHttpUrl(values.url);
    if (!url.ok) return { url: url.error };
    const verdict = classifyAddress(values.url, pageOrigin);
    return verdict.kind === 'refused' ? { url: verdict.reason } : {};
  };
}

/** What a run needs, from valid settings: the strategy as one value, the failure rate from 0 to 1. */
export function fetchParams(values: Values<FetchSchema>): FetchParams {
  const endpoint = values.source !== 'url';
  const strategy: Strategy =
    values.strategy === 'limited' ? { kind: 'limited', k: values.k } : { kind: values.strategy };
  return {
    source: values.source,
    url: endpoint ? '' : values.url,
    strategy,
    n: values.n,
    delayMs: endpoint ? values.delay : 0,
    jitterMs: endpoint ? values.jitter : 0,
    bytes: endpoint ? values.bytes : 0,
    failRate: endpoint ? values.fail / 100 : 0,
    seed: endpoint ? values.seed : 0,
    timeoutMs: values.timeout,
  };
}

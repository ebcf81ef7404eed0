/** What the page can use, read once at start and passed down: the cores, and whether shared memory is allowed. */
export interface Environment {
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  browser: string;
}

export function readEnvironment(): Environment {
  return {
    hardwareConcurrency: navigator.hardwareConcurrency || 1,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    browser: browserName(navigator.userAgent),
  };
}

/** A short browser name and major version from a user-agent string; the most specific brand wins. */
export function browserName(userAgent: string): string {
  const patterns: [string, RegExp][] = [
    ['Edge', /Edg\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Firefox', /Firefox\/(\d+)/],
    ['Chromium', /Chromium\/(\d+)/],
    ['Chrome', /(?:Headless)?Chrome\/(\d+)/],
    ['Safari', /Version\/(\d+).*Safari/],
  ];
  for (const [name, pattern] of patterns) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return 'unknown browser';
}

/** Why shared memory is off, in words for the page. */
export const NOT_ISOLATED_REASON =
  'Shared memory is off: this page is not cross-origin isolated. SharedArrayBuffer needs the server to send ' +
  'Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.';

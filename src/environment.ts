/** What the page can use, read once at start and passed down: the cores, and whether shared memory is allowed. */
export interface Environment {
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  browser: string;
  /** Why shared memory is off, in words for the page; null when it is on. */
  notIsolatedReason: string | null;
}

export function readEnvironment(): Environment {
  const isolated = globalThis.crossOriginIsolated === true;
  return {
    hardwareConcurrency: navigator.hardwareConcurrency || 1,
    crossOriginIsolated: isolated,
    browser: browserName(navigator.userAgent),
    notIsolatedReason: isolated ? null : notIsolatedReason(window.top !== window.self),
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

/**
 * Why shared memory is off. A frame is cross-origin isolated only when the page around it is too, so inside an
 * embed the cause is the embedding page, not this site's server.
 */
export function notIsolatedReason(embedded: boolean): string {
  return embedded
    ? 'Shared memory is off: the page around this embed is not cross-origin isolated, and a frame can only be ' +
        'isolated when its parent is.'
    : 'Shared memory is off: this page is not cross-origin isolated. SharedArrayBuffer needs the server to send ' +
        'Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.';
}

/**
 * Which addresses the fetch demo may send requests to. A link can carry a URL (`?fetch.url=…`), so the demo could be
 * aimed by someone else at a visitor's router, intranet or cloud metadata service (169.254.169.254): those requests
 * would leave the visitor's browser even though CORS hides the answers. This module decides, from the URL alone:
 * - the app's own origin is always allowed (it is where the demo's own endpoint lives);
 * - private, loopback, link-local and similar addresses, and names that only resolve inside a network, are refused;
 * - any other host is "foreign": allowed over https:// only (the Content-Security-Policy's `connect-src 'self'
 *   https:` would block plain http anyway), at most FOREIGN_REQUEST_CAP requests per run.
 *
 * It cannot see DNS: a public name that resolves to a private address (DNS rebinding, `127.0.0.1.nip.io`) passes
 * here; the browser's Private Network Access checks are the layer below this one.
 */

/** Requests to a host other than the app's own, per run. Enough to see concurrency, too few to flood anyone. */
export const FOREIGN_REQUEST_CAP = 20;

export type AddressVerdict =
  /** The app's own origin: no limit beyond the demo's own. */
  | { kind: 'same-origin'; url: string }
  /** Another public host: needs the visitor's confirmation when it came from a link, and is capped. */
  | { kind: 'foreign'; url: string; host: string }
  /** Never sent; `reason` is a sentence for the page. */
  | { kind: 'refused'; reason: string };

/**
 * Classifies an address against the page's origin (`location.origin`). The URL is parsed with `new URL`, which
 * normalises the tricks (`http://2130706433/`, `http://0x7f.1/`, `http://0177.0.0.1/` are all `127.0.0.1`) before
 * any check here looks at it.
 */
export function classifyAddress(raw: string, pageOrigin: string): AddressVerdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { kind: 'refused', reason: 'This is not a complete address: start it with https:// or http://' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { kind: 'refused', reason: `Only http and https addresses can be fetched, not ${url.protocol}` };
  }
  if (url.origin === pageOrigin) return { kind: 'same-origin', url: url.href };
  const host = url.hostname;
  const privateKind = privateAddressKind(host);
  if (privateKind) {
    return {
      kind: 'refused',
      reason:
        `${host} is ${privateKind}: the demo does not send requests into the network your browser is on ` +
        '(a router, an intranet server, a cloud metadata service). Use a public https:// address.',
    };
  }
  if (url.protocol !== 'https:') {
    return {
      kind: 'refused',
      reason: `Other hosts are reached over https:// only; ${url.origin} is plain http.`,
    };
  }
  return { kind: 'foreign', url: url.href, host: url.host };
}

/** How many of `requested` requests a run may send to this address. */
export function allowedRequests(verdict: AddressVerdict, requested: number): number {
  if (verdict.kind === 'refused') return 0;
  if (verdict.kind === 'foreign') return Math.min(requested, FOREIGN_REQUEST_CAP);
  return requested;
}

/**
 * What kind of non-public address a URL's `hostname` is ("a loopback address", …), or null for a public one. Takes
 * the hostname as `URL` gives it: IPv4 in dotted decimal, IPv6 in brackets, lower case.
 */
export function privateAddressKind(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return ipv6Kind(host.slice(1, -1));
  const ipv4 = parseIpv4(host);
  if (ipv4) return ipv4Kind(ipv4);
  return hostnameKind(host);
}

function hostnameKind(host: string): string | null {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'this computer (localhost)';
  // Names that only mean something inside a network: mDNS, cloud-internal names (metadata.google.internal), homes.
  for (const suffix of ['.local', '.internal', '.home.arpa', '.lan', '.intranet', '.corp']) {
    if (host.endsWith(suffix)) return `a local network name (*${suffix})`;
  }
  // A name without a dot is looked up in the local network's search domains ("http://router/").
  if (!host.includes('.')) return 'a local network name (no domain)';
  return null;
}

/** The four bytes of a dotted-decimal IPv4 address, or null. (`new URL` has already turned every other form into this.) */
function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

/** What kind of non-public IPv4 address this is (RFC 6890 and friends), or null for public unicast. */
function ipv4Kind([a, b, c]: number[]): string | null {
  if (a === undefined || b === undefined || c === undefined) return null;
  if (a === 127) return 'a loopback address (127.0.0.0/8)';
  if (a === 10) return 'a private address (10.0.0.0/8)';
  if (a === 172 && b >= 16 && b <= 31) return 'a private address (172.16.0.0/12)';
  if (a === 192 && b === 168) return 'a private address (192.168.0.0/16)';
  if (a === 169 && b === 254) return 'a link-local address (169.254.0.0/16, e.g. a cloud metadata service)';
  if (a === 0) return 'a "this network" address (0.0.0.0/8)';
  if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address (100.64.0.0/10)';
  if (a === 192 && b === 0 && c === 0) return 'a protocol-assignment address (192.0.0.0/24)';
  if (a === 198 && (b === 18 || b === 19)) return 'a benchmarking address (198.18.0.0/15)';
  if (a >= 224 && a <= 239) return 'a multicast address (224.0.0.0/4)';
  if (a >= 240) return 'a reserved or broadcast address (240.0.0.0/4)';
  return null;
}

/** Eight 16-bit groups of an IPv6 address as `URL` serialises it (compressed, lower case, no zone), or null. */
function parseIpv6(text: string): number[] | null {
  // URL serialises IPv4-mapped addresses in hex (::ffff:7f00:1), but accept a dotted tail too.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const bytes = parseIpv4(dotted[2]!);
    if (!bytes) return null;
    text = `${dotted[1]}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return all.map((group) => parseInt(group, 16));
}

function ipv6Kind(text: string): string | null {
  const groups = parseIpv6(text);
  if (!groups) return 'an address this demo cannot read';
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const embeddedIpv4 = () => ipv4Kind([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  const zeroUpTo = (n: number) => groups.slice(0, n).every((group) => group === 0);
  if (zeroUpTo(7) && g7 === 1) return 'a loopback address (::1)';
  if (zeroUpTo(8)) return 'the unspecified address (::)';
  // ::ffff:a.b.c.d reaches the IPv4 address a.b.c.d: judge that one.
  if (zeroUpTo(5) && g5 === 0xffff) {
    const kind = embeddedIpv4();
    return kind ? `an IPv4-mapped ${kind}` : null;
  }
  // ::a.b.c.d (IPv4-compatible, deprecated): nothing public lives there.
  if (zeroUpTo(6)) return 'an IPv4-compatible address (::/96)';
  // NAT64 (64:ff9b::a.b.c.d) reaches a.b.c.d through a gateway.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    const kind = embeddedIpv4();
    return kind ? `a NAT64 address of ${kind}` : null;
  }
  if ((g0 & 0xfe00) === 0xfc00) return 'a unique local address (fc00::/7)';
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address (fe80::/10)';
  if ((g0 & 0xffc0) === 0xfec0) return 'a site-local address (fec0::/10)';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address (ff00::/8)';
  return null;
}

import { describe, expect, it } from 'vitest';
import {
  allowedRequests,
  classifyAddress,
  FOREIGN_REQUEST_CAP,
  privateAddressKind,
} from '../../src/fetch/addressSafety';

const PAGE = 'https://example.org';

/** The hostname exactly as the browser will use it: what `new URL` makes of the address. */
const hostOf = (address: string) => new URL(address).hostname;

/** Each address is refused, for the reason its pattern names. */
const refuses = (cases: [address: string, kind: RegExp][]) =>
  it.each(cases)('%s is refused (%s)', (address, kind) => {
    expect(privateAddressKind(hostOf(address))).toMatch(kind);
  });

/** Each address is public: nothing to refuse. */
const accepts = (addresses: string[]) =>
  it.each(addresses)('%s is public', (address) => expect(privateAddressKind(hostOf(address))).toBeNull());

describe('privateAddressKind on IPv4', () => {
  refuses([
    ['http://127.0.0.1/', /loopback/],
    ['http://127.255.1.2/', /loopback/],
    ['http://10.0.0.1/', /private.*10\.0\.0\.0\/8/],
    ['http://172.16.0.1/', /172\.16\.0\.0\/12/],
    ['http://172.31.255.255/', /172\.16\.0\.0\/12/],
    ['http://192.168.1.1/', /192\.168\.0\.0\/16/],
    ['http://169.254.169.254/latest/meta-data/', /link-local.*metadata/],
    ['http://0.0.0.0/', /0\.0\.0\.0\/8/],
    ['http://100.64.0.1/', /carrier-grade/],
    ['http://224.0.0.1/', /multicast/],
    ['http://255.255.255.255/', /broadcast/],
    // Forms that `new URL` normalises to dotted decimal before anything else sees them.
    ['http://2130706433/', /loopback/],
    ['http://0x7f000001/', /loopback/],
    ['http://0x7f.1/', /loopback/],
    ['http://0177.0.0.1/', /loopback/],
    ['http://127.1/', /loopback/],
    ['http://2852039166/', /link-local/], // 169.254.169.254
    ['http://0xa9.0xfe.0xa9.0xfe/', /link-local/],
    ['http://012.0.0.1/', /10\.0\.0\.0\/8/], // octal 012 = 10
    ['http://3232235777/', /192\.168/], // 192.168.1.1
  ]);

  accepts(['http://8.8.8.8/', 'http://172.15.0.1/', 'http://172.32.0.1/', 'http://192.169.0.1/', 'http://1.1.1.1/']);
});

describe('privateAddressKind on IPv6', () => {
  refuses([
    ['http://[::1]/', /loopback/],
    ['http://[0:0:0:0:0:0:0:1]/', /loopback/],
    ['http://[::]/', /unspecified/],
    ['http://[fc00::1]/', /unique local/],
    ['http://[fd12:3456:789a::1]/', /unique local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[febf::1]/', /link-local/],
    ['http://[fec0::1]/', /site-local/],
    ['http://[ff02::1]/', /multicast/],
    // IPv4-mapped addresses reach the IPv4 address inside them; URL writes them in hex (::ffff:7f00:1).
    ['http://[::ffff:127.0.0.1]/', /IPv4-mapped.*loopback/],
    ['http://[::ffff:7f00:1]/', /IPv4-mapped.*loopback/],
    ['http://[::ffff:169.254.169.254]/', /IPv4-mapped.*link-local/],
    ['http://[::ffff:10.1.2.3]/', /IPv4-mapped.*10\.0\.0\.0/],
    ['http://[::127.0.0.1]/', /IPv4-compatible/],
    ['http://[64:ff9b::192.168.0.1]/', /NAT64.*192\.168/],
  ]);

  accepts(['http://[2001:4860:4860::8888]/', 'http://[::ffff:8.8.8.8]/', 'http://[2606:4700::1111]/']);
});

describe('privateAddressKind on names', () => {
  refuses([
    ['http://localhost:8080/', /localhost/],
    ['http://LOCALHOST/', /localhost/],
    ['http://localhost./', /localhost/],
    ['http://app.localhost/', /localhost/],
    ['http://printer.local/', /\*\.local/],
    ['http://metadata.google.internal/', /\*\.internal/],
    ['http://nas.home.arpa/', /home\.arpa/],
    ['http://router/', /no domain/],
  ]);

  accepts([
    'https://example.com/',
    'https://api.github.com/',
    'https://localhost.example.com/',
    'https://xn--bcher-kva.example/',
  ]);
});

describe('classifyAddress', () => {
  it("allows the page's own origin, even when it is on localhost", () => {
    expect(classifyAddress('https://example.org/fetch-sample.txt', PAGE)).toEqual({
      kind: 'same-origin',
      url: 'https://example.org/fetch-sample.txt',
    });
    expect(classifyAddress('http://localhost:4173/api/delay?ms=5', 'http://localhost:4173')).toMatchObject({
      kind: 'same-origin',
    });
    // Another port of the same machine is another origin, and loopback.
    expect(classifyAddress('http://localhost:8080/', 'http://localhost:4173')).toMatchObject({ kind: 'refused' });
  });

  it('calls a public https host foreign and names its host', () => {
    expect(classifyAddress('  https://api.example.com:8443/data.json?x=1 ', PAGE)).toEqual({
      kind: 'foreign',
      url: 'https://api.example.com:8443/data.json?x=1',
      host: 'api.example.com:8443',
    });
  });

  it('refuses the cloud metadata address with a sentence that names it', () => {
    const verdict = classifyAddress('https://169.254.169.254/latest/meta-data/', PAGE);
    expect(verdict).toMatchObject({ kind: 'refused' });
    expect(verdict.kind === 'refused' && verdict.reason).toMatch(/^169\.254\.169\.254 is a link-local address/);
  });

  it('refuses plain http on other hosts, other schemes, and text that is not a URL', () => {
    expect(classifyAddress('http://example.com/', PAGE)).toMatchObject({ kind: 'refused', reason: /https:\/\/ only/ });
    expect(classifyAddress('javascript:alert(1)', PAGE)).toMatchObject({ kind: 'refused', reason: /not javascript:/ });
    expect(classifyAddress('file:///etc/passwd', PAGE)).toMatchObject({ kind: 'refused', reason: /not file:/ });
    expect(classifyAddress('example.com', PAGE)).toMatchObject({ kind: 'refused', reason: /not a complete address/ });
  });

  it('caps foreign requests per run, and refused ones at zero', () => {
    expect(FOREIGN_REQUEST_CAP).toBe(20);
    expect(allowedRequests(classifyAddress('https://example.com/', PAGE), 500)).toBe(FOREIGN_REQUEST_CAP);
    expect(allowedRequests(classifyAddress('https://example.com/', PAGE), 5)).toBe(5);
    expect(allowedRequests(classifyAddress('https://example.org/x', PAGE), 500)).toBe(500);
    expect(allowedRequests(classifyAddress('https://10.0.0.1/', PAGE), 500)).toBe(0);
  });
});

import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DECODE_PIXEL_LIMIT,
  declaresTooManyPixels,
  HEADER_WINDOW,
  peekPictureHeader,
  readPictureHeader,
  tooLargeMessage,
} from '../../src/image/pictureHeader';
import { encodePng } from '../e2e/png';

const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : Array.from(part))),
  );
const be16 = (n: number) => [n >> 8, n & 0xff];
const le16 = (n: number) => [n & 0xff, n >> 8];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, n >> 16];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

/**
 * A PNG that is valid up to its header (correct chunk CRCs) and declares any size, with one empty IDAT: what a
 * decompression bomb looks like to someone reading only its first bytes.
 */
function forgedPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: number[]) => {
    const body = bytes(type, data);
    const crc = crc32(body);
    return [...le32(data.length).reverse(), ...body, ...le32(crc).reverse()];
  };
  const ihdr = [...le32(width).reverse(), ...le32(height).reverse(), 8, 6, 0, 0, 0];
  return bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], chunk('IHDR', ihdr), chunk('IDAT', []));
}

/** A JPEG's first segments: SOI, an APP0, optional padding segments, then a baseline frame header. */
function jpeg(width: number, height: number, { appBytes = 16, fill = false } = {}): Uint8Array {
  const app = [0xff, 0xe1, ...be16(appBytes + 2), ...new Array<number>(appBytes).fill(0x41)];
  const sof = [0xff, 0xc0, ...be16(17), 8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return bytes([0xff, 0xd8], app, [0xff, 0xc4, ...be16(4), 0, 0], fill ? [0xff, 0xff] : [], sof, [0xff, 0xda]);
}

describe('readPictureHeader', () => {
  it('reads a real PNG', () => {
    expect(readPictureHeader(encodePng(37, 23, new Uint8Array(37 * 23 * 4)))).toEqual({
      format: 'png',
      width: 37,
      height: 23,
    });
  });

  it('reads a forged 30000×30000 PNG from its first 33 bytes, and calls it too large', () => {
    const header = readPictureHeader(forgedPng(30_000, 30_000).subarray(0, 33))!;
    expect(header).toEqual({ format: 'png', width: 30_000, height: 30_000 });
    expect(declaresTooManyPixels(header)).toBe(true);
    expect(tooLargeMessage('bomb.png', header)).toBe(
      'bomb.png is too large: its PNG header declares 30000×30000 (900.0 megapixels); pictures above 67.1 ' +
        'megapixels are refused before decoding.',
    );
  });

  it('puts the limit at 8192×8192 exactly, with no 32-bit overflow for the largest declared sizes', () => {
    const at = (width: number, height: number) => ({ format: 'png' as const, width, height });
    expect(declaresTooManyPixels(at(8192, 8192))).toBe(false);
    expect(declaresTooManyPixels(at(8192, 8193))).toBe(true);
    expect(declaresTooManyPixels(at(65_536, 65_536))).toBe(true); // 2^32: wraps to 0 in 32-bit arithmetic
    expect(declaresTooManyPixels(at(0xffffffff, 0xffffffff))).toBe(true);
    expect(declaresTooManyPixels(at(100, 100), 10_000)).toBe(false);
    expect(DECODE_PIXEL_LIMIT).toBe(67_108_864);
  });

  it('reads GIF87a and GIF89a logical screens', () => {
    expect(readPictureHeader(bytes('GIF89a', le16(640), le16(480), [0xf7, 0, 0]))).toEqual({
      format: 'gif',
      width: 640,
      height: 480,
    });
    expect(readPictureHeader(bytes('GIF87a', le16(65_535), le16(65_535), [0, 0, 0]))).toMatchObject({
      width: 65_535,
      height: 65_535,
    });
  });

  it('reads lossy, lossless and extended WebP', () => {
    const riff = (chunk: string, data: number[]) =>
      bytes('RIFF', le32(4 + 8 + data.length), 'WEBP', chunk, le32(data.length), data);
    // VP8: frame tag, start code, 14-bit sizes (the top two bits are a scale, ignored).
    const vp8 = riff('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(400 | 0x4000), ...le16(300), 0, 0]);
    expect(readPictureHeader(vp8)).toEqual({ format: 'webp', width: 400, height: 300 });
    // VP8L: signature 0x2f, then width − 1 and height − 1 in 14 bits each.
    const bits = (1000 - 1) | ((16_384 - 1) << 14);
    expect(readPictureHeader(riff('VP8L', [0x2f, ...le32(bits), 0]))).toEqual({
      format: 'webp',
      width: 1000,
      height: 16_384,
    });
    // VP8X: flags, reserved, then the canvas size − 1 in 24 bits each (up to 16777216).
    const vp8x = riff('VP8X', [0x10, 0, 0, 0, ...le24(30_000 - 1), ...le24(20_000 - 1)]);
    expect(readPictureHeader(vp8x)).toEqual({ format: 'webp', width: 30_000, height: 20_000 });
  });

  it('walks JPEG segments to the frame header, past fill bytes', () => {
    expect(readPictureHeader(jpeg(4032, 3024))).toEqual({ format: 'jpeg', width: 4032, height: 3024 });
    expect(readPictureHeader(jpeg(30_000, 30_000, { appBytes: 60_000, fill: true }))).toEqual({
      format: 'jpeg',
      width: 30_000,
      height: 30_000,
    });
  });

  it('gives null for unknown formats, truncated headers and a JPEG without a frame before its scan', () => {
    expect(readPictureHeader(new Uint8Array())).toBeNull();
    expect(readPictureHeader(bytes('BM', new Array<number>(60).fill(0)))).toBeNull();
    expect(readPictureHeader(forgedPng(10, 10).subarray(0, 20))).toBeNull();
    expect(readPictureHeader(bytes('GIF89a', [1, 0]))).toBeNull();
    expect(readPictureHeader(bytes('RIFF', le32(20), 'WEBP', 'VP8 ', le32(10), [0, 0, 0, 0x9d, 0x01]))).toBeNull();
    expect(readPictureHeader(jpeg(10, 10).subarray(0, 30))).toBeNull();
    expect(readPictureHeader(bytes([0xff, 0xd8], [0xff, 0xda, 0, 2]))).toBeNull();
    // A DNL-defined height (0 in the frame header) is not known from the header.
    expect(readPictureHeader(jpeg(100, 0))).toBeNull();
    // A segment length that runs backwards ends the walk instead of looping.
    expect(readPictureHeader(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xc0]))).toBeNull();
  });
});

describe('peekPictureHeader', () => {
  it("reads a file's first bytes, and a whole JPEG whose frame header lies beyond them", async () => {
    expect(await peekPictureHeader(new Blob([forgedPng(30_000, 30_000) as Uint8Array<ArrayBuffer>]))).toMatchObject({
      width: 30_000,
    });
    // Three maximal APP segments per 192 KB: the frame header starts after 1.2 MB of EXIF-like padding.
    const padding = Array.from({ length: 20 }, () => [0xff, 0xe2, 0xff, 0xff, ...new Array<number>(65_533).fill(0)]);
    const big = bytes([0xff, 0xd8], ...padding, jpeg(9000, 9000).subarray(2));
    expect(big.length).toBeGreaterThan(HEADER_WINDOW);
    expect(readPictureHeader(big.subarray(0, HEADER_WINDOW))).toBeNull();
    expect(await peekPictureHeader(new Blob([big as Uint8Array<ArrayBuffer>]))).toEqual({
      format: 'jpeg',
      width: 9000,
      height: 9000,
    });
    expect(await peekPictureHeader(new Blob(['not a picture']))).toBeNull();
  });
});

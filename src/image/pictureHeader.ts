/**
 * The size a picture file declares, read from its first bytes: a 100 KB PNG can declare 30000×30000 pixels (a
 * decompression bomb, 3.6 GB as RGBA), and `createImageBitmap` would try to allocate all of it before failing with
 * a message that says nothing. Reading the header first lets the page say "too large" before decoding anything.
 *
 * Only the formats whose headers are simple enough to trust are read: PNG, JPEG, GIF and WebP. Anything else
 * (AVIF, BMP, a truncated file) gives null, and decoding goes ahead as before.
 */

export type PictureFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface PictureHeader {
  format: PictureFormat;
  /** As declared by the file, before any EXIF rotation (which does not change the pixel count). */
  width: number;
  height: number;
}

/** Pictures that declare more pixels than this (8192 × 8192, 256 MB as RGBA) are refused before decoding. */
export const DECODE_PIXEL_LIMIT = 8192 * 8192;

/** Bytes read first; a JPEG whose size marker comes later (large EXIF or colour profile) is read whole. */
export const HEADER_WINDOW = 1024 * 1024;

/** The declared size of a PNG, JPEG, GIF or WebP file from its first bytes, or null (unknown format, truncated). */
export function readPictureHeader(bytes: Uint8Array): PictureHeader | null {
  return readPng(bytes) ?? readGif(bytes) ?? readWebp(bytes) ?? readJpeg(bytes);
}

/** True when the declared size is above the limit; compares the product exactly (no 32-bit overflow in JS). */
export function declaresTooManyPixels(header: PictureHeader, limit = DECODE_PIXEL_LIMIT): boolean {
  return header.width * header.height > limit;
}

/** The sentence the page shows for a picture refused before decoding. */
export function tooLargeMessage(name: string, header: PictureHeader, limit = DECODE_PIXEL_LIMIT): string {
  const declared = ((header.width * header.height) / 1e6).toFixed(1);
  return (
    `${name} is too large: its ${header.format.toUpperCase()} header declares ${header.width}×${header.height} ` +
    `(${declared} megapixels); pictures above ${(limit / 1e6).toFixed(1)} megapixels are refused before decoding.`
  );
}

/**
 * Reads the header of a file or blob: its first HEADER_WINDOW bytes, and the whole file only for a JPEG whose size
 * marker lies beyond them. Call it after the file-size limit, so "whole" is bounded.
 */
export async function peekPictureHeader(file: Blob): Promise<PictureHeader | null> {
  const first = new Uint8Array(await file.slice(0, HEADER_WINDOW).arrayBuffer());
  const header = readPictureHeader(first);
  if (header || file.size <= HEADER_WINDOW || !isJpeg(first)) return header;
  return readPictureHeader(new Uint8Array(await file.arrayBuffer()));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** PNG: the signature, then the IHDR chunk first of all: width and height as 32-bit big-endian. */
function readPng(bytes: Uint8Array): PictureHeader | null {
  if (!startsWith(bytes, PNG_SIGNATURE) || !startsWith(bytes, ascii('IHDR'), 12) || bytes.length < 24) return null;
  const data = view(bytes);
  return { format: 'png', width: data.getUint32(16), height: data.getUint32(20) };
}

/** GIF: the logical screen, 16-bit little-endian; every frame is drawn into it. */
function readGif(bytes: Uint8Array): PictureHeader | null {
  if (!(startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) || bytes.length < 10) return null;
  const data = view(bytes);
  return { format: 'gif', width: data.getUint16(6, true), height: data.getUint16(8, true) };
}

/** WebP: a RIFF file whose first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X, the canvas size). */
function readWebp(bytes: Uint8Array): PictureHeader | null {
  if (!startsWith(bytes, ascii('RIFF')) || !startsWith(bytes, ascii('WEBP'), 8)) return null;
  const data = view(bytes);
  if (startsWith(bytes, ascii('VP8 '), 12)) {
    // A key frame: 3 bytes of frame tag, the start code 9d 01 2a, then 14-bit width and height (2 bits of scale).
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23) || bytes.length < 30) return null;
    return { format: 'webp', width: data.getUint16(26, true) & 0x3fff, height: data.getUint16(28, true) & 0x3fff };
  }
  if (startsWith(bytes, ascii('VP8L'), 12)) {
    if (bytes[20] !== 0x2f || bytes.length < 25) return null;
    const bits = data.getUint32(21, true);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(bytes, ascii('VP8X'), 12) && bytes.length >= 30) {
    const u24 = (at: number) => data.getUint16(at, true) | (data.getUint8(at + 2) << 16);
    return { format: 'webp', width: u24(24) + 1, height: u24(27) + 1 };
  }
  return null;
}

const isJpeg = (bytes: Uint8Array) => startsWith(bytes, [0xff, 0xd8, 0xff]);

/**
 * JPEG: walks the marker segments (APPn for EXIF and colour profiles, DQT, DHT…) to the first start-of-frame, whose
 * height and width are 16-bit big-endian. Stops at the start of the scan: a frame must come before it.
 */
function readJpeg(bytes: Uint8Array): PictureHeader | null {
  if (!isJpeg(bytes)) return null;
  const data = view(bytes);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte before a marker
      continue;
    }
    // Markers without a length: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // start of scan or end of image: no frame header came
    const length = data.getUint16(at + 2);
    if (length < 2) return null;
    // SOF0…SOF15, except DHT (c4), JPG (c8) and DAC (cc), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return null;
      const height = data.getUint16(at + 5);
      const width = data.getUint16(at + 7);
      // A height of 0 is defined later by a DNL marker: the size is not known from the header.
      return height === 0 ? null : { format: 'jpeg', width, height };
    }
    at += 2 + length;
  }
  return null;
}

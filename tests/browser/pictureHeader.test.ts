import { describe, expect, it } from 'vitest';
import { peekPictureHeader } from '../../src/image/pictureHeader';

/** A picture encoded by this browser's own encoder, so the header reader is checked against real files. */
async function encoded(width: number, height: number, type: string, quality?: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#c84';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#48c';
  context.fillRect(3, 2, width / 2, height / 3);
  const blob = await canvas.convertToBlob(quality === undefined ? { type } : { type, quality });
  expect(blob.type).toBe(type);
  return blob;
}

// The smallest GIF89a there is: one 1×1 frame on a 1×1 screen (canvas cannot encode GIF).
const GIF = Uint8Array.from(atob('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='), (char) =>
  char.charCodeAt(0),
);

describe('peekPictureHeader on files this browser encodes', () => {
  it.each([
    ['image/png', 'png', undefined, 'IHDR'],
    ['image/jpeg', 'jpeg', 0.9, undefined],
    // Chromium writes WebP in the extended layout (VP8X, the canvas size first); the plain layouts are unit-tested.
    ['image/webp', 'webp', 0.8, 'VP8X'],
    ['image/webp', 'webp', 1, 'VP8X'],
  ] as const)(
    '%s: the %s header declares the size that createImageBitmap decodes (quality %s)',
    async (type, format, quality, chunk) => {
      for (const [width, height] of [
        [37, 23],
        [1021, 7],
      ] as const) {
        const blob = await encoded(width, height, type, quality);
        if (chunk) expect(new TextDecoder().decode(await blob.slice(12, 16).arrayBuffer())).toBe(chunk);
        expect(await peekPictureHeader(blob)).toEqual({ format, width, height });
        const bitmap = await createImageBitmap(blob);
        expect([bitmap.width, bitmap.height]).toEqual([width, height]);
        bitmap.close();
      }
    },
  );

  it('GIF: the logical screen', async () => {
    const blob = new Blob([GIF], { type: 'image/gif' });
    expect(await peekPictureHeader(blob)).toEqual({ format: 'gif', width: 1, height: 1 });
    const bitmap = await createImageBitmap(blob);
    expect([bitmap.width, bitmap.height]).toEqual([1, 1]);
    bitmap.close();
  });
});

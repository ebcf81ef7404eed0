import type { Picture } from '../../image/picture';

/** Files above this are refused before decoding: a browser tab's memory is finite. */
export const MAX_FILE_MB = 50;
/** Pictures above this many pixels (4096 × 4096) are scaled down, keeping their shape. */
export const MAX_PIXELS = 4096 * 4096;

/** Why a file could not become the picture; its message is meant for the page. */
export class PictureError extends Error {
  override name = 'PictureError';
}

export interface Decoded {
  picture: Picture;
  /** Set when the picture was scaled down to fit the limit. */
  notice?: string;
}

/**
 * Decodes any image the browser can read (JPEG, PNG, WebP, GIF's first frame, AVIF…) into RGBA bytes, exactly as
 * stored: no colour-space conversion, no premultiplied alpha. Throws PictureError with a readable message for an
 * empty file, a file too large, something that is not an image or is corrupt, and a picture with no pixels.
 */
export async function decodePicture(file: File): Promise<Decoded> {
  const name = file.name || 'The pasted item';
  if (file.size === 0) throw new PictureError(`${name} is empty (0 bytes).`);
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    throw new PictureError(`${name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_FILE_MB} MB.`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  } catch {
    const kind = file.type ? ` (${file.type})` : '';
    throw new PictureError(`${name}${kind} is not a picture this browser can read: not an image, or corrupt.`);
  }
  try {
    const { width, height } = bitmap;
    if (width === 0 || height === 0) throw new PictureError(`${name} has no pixels (${width}×${height}).`);
    const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (width * height)));
    const w = Math.max(1, Math.floor(width * scale));
    const h = Math.max(1, Math.floor(height * scale));
    const picture = { width: w, height: h, data: readPixels(bitmap, w, h, name) };
    if (scale === 1) return { picture };
    const limit = `${(MAX_PIXELS / 1e6).toFixed(1)} megapixels`;
    return {
      picture,
      notice: `${name} is ${width}×${height}; it was scaled down to ${w}×${h} (the limit is ${limit}).`,
    };
  } finally {
    bitmap.close();
  }
}

function readPixels(bitmap: ImageBitmap, width: number, height: number, name: string): Uint8ClampedArray {
  try {
    const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D context');
    context.drawImage(bitmap, 0, 0, width, height);
    return context.getImageData(0, 0, width, height).data;
  } catch {
    throw new PictureError(`${name} is too large for this browser's memory at ${width}×${height}.`);
  }
}

/** The first file in a drop or a paste that looks like it could be a picture, else the first file at all. */
export function pickFile(files: FileList | null | undefined): File | undefined {
  const all = Array.from(files ?? []);
  return all.find((file) => file.type.startsWith('image/')) ?? all[0];
}

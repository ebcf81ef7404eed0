import type { Picture } from './picture';
import { SAMPLE_SIZE, samplePicture } from './sample';

/**
 * The sample picture, drawn in a worker so that opening the page never waits on it (on the page's thread it was one
 * task of about 450 ms at start-up). Where workers are unavailable, or the worker fails, it is drawn here instead.
 */
export async function drawSample({ width, height } = SAMPLE_SIZE): Promise<Picture> {
  if (typeof Worker === 'undefined') return samplePicture(width, height);
  const worker = new Worker(new URL('../../workers/sample.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<Picture>((resolve) => {
      worker.onmessage = (event: MessageEvent<Picture>) => resolve(event.data);
      worker.onerror = () => resolve(samplePicture(width, height));
      worker.postMessage({ width, height });
    });
  } finally {
    worker.terminate();
  }
}

/** Draws the image demo's sample picture off the page's thread (it is a million pixels of arithmetic). */
import { samplePicture } from '../src/image/sample';

self.onmessage = (event: MessageEvent<{ width: number; height: number }>) => {
  const picture = samplePicture(event.data.width, event.data.height);
  self.postMessage(picture, { transfer: [picture.data.buffer] });
};

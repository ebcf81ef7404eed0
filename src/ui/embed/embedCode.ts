// The parent page's side of the height messages, in one file: public/tutorial-example.js, which the example tutorial
// loads and which every copied embed code carries after its iframe.
import frameSizer from '../../../public/tutorial-example.js?raw';
import type { DemoMeta } from '../../demos/demo';
import { embedSnippet, embedUrl, type Controls } from '../../settings';

/** The script that sizes each playground iframe on a page from the heights its embed posts. */
export const FRAME_SIZER_SCRIPT = frameSizer.trim();

/** A first height for the compact embed's iframe, before it reports its own: lesson, a field or two, Run. */
export const COMPACT_START_HEIGHT = 420;

/**
 * What a tutorial pastes: the iframe of one demo (with the page's settings for it), then the few lines that size
 * it to the height it reports. Pasting several embeds repeats the script; each copy sizes every frame the same way.
 */
export function embedCode(page: URL, demo: DemoMeta, controls: Controls, height: number): string {
  const src = embedUrl(page, demo.id, null, controls);
  const iframe = embedSnippet(src, `Parallel Playground: ${demo.title}`, height);
  return `${iframe}\n<script>\n${FRAME_SIZER_SCRIPT}\n</script>`;
}

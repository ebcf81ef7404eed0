/** The message an embed posts to its parent page whenever its content height changes (documented in the README). */
export interface HeightMessage {
  type: 'parallel-playground:height';
  /** The embedded demo's id, so a page with several embeds knows which iframe to size. */
  demo: string;
  /** The content's height in CSS pixels, rounded up. */
  height: number;
}

/**
 * Posts the height of `element` to the parent page now and after every change. Any parent may read it (the height
 * is no secret), so the target origin is `*`. Returns a function that stops reporting.
 */
export function reportHeight(element: HTMLElement, demo: string): () => void {
  if (window.parent === window) return () => {};
  let last = -1;
  const post = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: 'parallel-playground:height', demo, height };
    window.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(element);
  post();
  return () => observer.disconnect();
}

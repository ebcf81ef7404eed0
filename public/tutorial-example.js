// Sizes each Parallel Playground iframe on this page to the height its embed reports,
// { type: 'parallel-playground:height', demo, height }: only from the frame that sent it, from that frame's origin,
// for the demo its address embeds. "Copy embed code" pastes this same script after the iframe.
addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'parallel-playground:height' || !Number.isFinite(data.height) || data.height <= 0) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== event.source) continue;
    const src = new URL(frame.src, location.href);
    if (event.origin === src.origin && data.demo === src.searchParams.get('embed'))
      frame.style.height = `${Math.ceil(data.height)}px`;
  }
});

// Sizes each iframe to the height its embed reports: { type: 'parallel-playground:height', demo, height }.
addEventListener('message', (event) => {
  if (event.data?.type !== 'parallel-playground:height' || typeof event.data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;
  }
});

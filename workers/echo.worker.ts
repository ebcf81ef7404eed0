/** The cheapest possible worker: it posts every message straight back. The yardstick for a raw round trip. */
self.onmessage = (event: MessageEvent) => self.postMessage(event.data);

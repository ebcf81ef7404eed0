import { hostBroker, type BrokerHost } from './brokerHost';
import { parseHostRequest, type HostingNotice } from './brokerPort';
import { createHub } from './bus';
import { indexedDbStore } from './store';

/**
 * The cluster's shared worker: one program that every tab of the origin connects to, the demo's "Redis". It runs the
 * same broker host a tab would (brokerHost.ts) — BroadcastChannel, IndexedDB and Web Locks all exist in a worker —
 * and asks for the same Web Lock, so exactly one broker runs even beside tabs that host it themselves. It lives while
 * any tab holds it, so the broker survives the tab that started it; when the last tab closes, the next broker resumes
 * from the stored state.
 */
let host: BrokerHost | undefined;
const ports: MessagePort[] = [];

const tell = (port: MessagePort, notice: HostingNotice) => port.postMessage(notice);

addEventListener('connect', (event) => {
  const port = (event as MessageEvent).ports[0];
  if (!port) return;
  ports.push(port);
  port.addEventListener('message', ({ data }: MessageEvent) => {
    const request = parseHostRequest(data);
    // The first tab to ask starts the broker, with its link's settings; the others join it (a worker's name holds
    // one cluster, so their cluster is the same).
    if (!request || host) return;
    const started = hostBroker({
      hub: createHub(request.cluster),
      store: indexedDbStore,
      config: request.config,
      place: 'shared worker',
    });
    host = started;
    void started.elected.then(() => {
      for (const each of ports) tell(each, { type: 'hosting', id: started.id });
    });
  });
  port.start();
  if (host?.broker) tell(port, { type: 'hosting', id: host.id });
});

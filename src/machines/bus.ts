import type { Message } from './protocol';
import { PROTOCOL } from './protocol';

/**
 * The transport: how the broker, the machines and the clients of a cluster reach each other. One `BroadcastChannel`
 * joins the tabs of the origin; several endpoints in one page (the broker, the client, simulated machines) share it,
 * and reach each other directly, because a channel never delivers a message back to its own sender.
 * Every message is structured-cloned on the way, as between tabs, so no endpoint shares objects with another.
 */

/**
 * A simulated network between this endpoint and the rest: the "network as a knob". It costs both ways: on every
 * message the endpoint sends, and on every message addressed to it (an assignment, a revocation, results). Broadcasts
 * it merely overhears (the monitor, other machines' heartbeats) are not its traffic on a real cluster, and pass free.
 */
export interface NetworkOptions {
  /** Added to every message, each way, in ms: a job's round trip pays it twice. */
  latencyMs?: number;
  /** The link's rate in bytes per ms (kB/s); a message takes its JSON's length over it. Infinite by default. */
  bytesPerMs?: number;
  /** The chance, from 0 to 1, that a message is lost, each way. */
  lossRate?: number;
  /** Where the loss draws come from; a seeded generator makes a run repeatable. */
  random?: () => number;
}

export interface Endpoint {
  /** Sends to every other endpoint of the cluster, in this page and in the other tabs. */
  post(message: Message): void;
  /** Everything that arrives, unparsed: the receiver checks it (see `parseMessage`). Returns the unsubscribe. */
  listen(listener: (data: unknown) => void): () => void;
  close(): void;
}

export interface Hub {
  readonly cluster: string;
  connect(network?: NetworkOptions): Endpoint;
  close(): void;
}

/** The channel's name: one for every cluster, so a tab with a stale cluster id still hears that others exist. */
export const CHANNEL_NAME = 'pp-machines';

/**
 * A hub for one cluster in this page. `channel` is the cross-tab link (a `BroadcastChannel` by default); pass
 * `null` for a page-only hub (simulated machines and unit tests).
 */
export function createHub(cluster: string, channel: BroadcastChannel | null = new BroadcastChannel(CHANNEL_NAME)): Hub {
  const endpoints = new Set<{ deliver(data: unknown): void }>();
  const fromOtherTabs = (event: MessageEvent) => {
    for (const endpoint of endpoints) endpoint.deliver(event.data);
  };
  channel?.addEventListener('message', fromOtherTabs);

  return {
    cluster,
    connect(network: NetworkOptions = {}) {
      const link = simulatedLink(network);
      const listeners = new Set<(data: unknown) => void>();
      let closed = false;
      const hear = (data: unknown) => {
        if (!closed) for (const listener of listeners) listener(data);
      };
      const self = {
        deliver(data: unknown) {
          if (closed) return;
          if (isAddressed(data)) link(data, hear);
          else hear(data);
        },
      };
      endpoints.add(self);
      const send = (data: unknown) => {
        if (closed) return;
        channel?.postMessage(data);
        for (const endpoint of endpoints) if (endpoint !== self) endpoint.deliver(structuredClone(data));
      };
      return {
        post(message) {
          if (!closed) link({ ...message, protocol: PROTOCOL, cluster }, send);
        },
        listen(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        close() {
          closed = true;
          listeners.clear();
          endpoints.delete(self);
        },
      };
    },
    close() {
      channel?.removeEventListener('message', fromOtherTabs);
      channel?.close();
      endpoints.clear();
    },
  };
}

/**
 * Passes each message on through a simulated link: lost with probability `lossRate`, else after the latency plus its
 * size over the bandwidth. Even a perfect link delivers asynchronously, as a channel between tabs does.
 */
export function simulatedLink({
  latencyMs = 0,
  bytesPerMs = Infinity,
  lossRate = 0,
  random = Math.random,
}: NetworkOptions): (data: unknown, onward: (data: unknown) => void) => void {
  return (data, onward) => {
    if (lossRate > 0 && random() < lossRate) return;
    const delay = latencyMs + (Number.isFinite(bytesPerMs) ? JSON.stringify(data).length / bytesPerMs : 0);
    if (delay > 0) setTimeout(() => onward(data), delay);
    else queueMicrotask(() => onward(data));
  };
}

/** A message meant for one endpoint (it names a recipient), rather than a broadcast for whoever listens. */
function isAddressed(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'to' in data && typeof data.to === 'string';
}

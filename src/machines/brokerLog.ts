import type { BrokerEvent, BrokerEventKind, TimelineEntry } from './brokerTypes';
import type { JobId, MachineId } from './types';

const MAX_EVENTS = 200;
const MAX_TIMELINE = 2000;

/** The broker's monitoring log: recent events and the per-machine timeline of attempts, each capped in length. */
export class BrokerLog {
  readonly #events: BrokerEvent[];
  readonly #timeline: TimelineEntry[];

  constructor(events: readonly BrokerEvent[] = [], timeline: readonly TimelineEntry[] = []) {
    this.#events = [...events];
    this.#timeline = [...timeline];
  }

  get events(): readonly BrokerEvent[] {
    return this.#events;
  }

  get timeline(): readonly TimelineEntry[] {
    return this.#timeline;
  }

  event(at: number, kind: BrokerEventKind, detail: string, machine?: MachineId, job?: JobId): void {
    this.#events.push({
      at,
      kind,
      detail,
      ...(machine === undefined ? {} : { machine }),
      ...(job === undefined ? {} : { job }),
    });
    if (this.#events.length > MAX_EVENTS) this.#events.splice(0, this.#events.length - MAX_EVENTS);
  }

  entry(entry: TimelineEntry): void {
    this.#timeline.push(entry);
    if (this.#timeline.length > MAX_TIMELINE) this.#timeline.splice(0, this.#timeline.length - MAX_TIMELINE);
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHub, type Endpoint } from '../../src/machines/bus';
import { PROTOCOL } from '../../src/machines/protocol';

/** The simulated network between a machine and the rest of its cluster, on a fake clock. */
describe('the simulated network', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const heard = (endpoint: Endpoint) => {
    const types: string[] = [];
    endpoint.listen((data) => types.push((data as { type: string }).type));
    return types;
  };

  it('delays what a machine sends and what is addressed to it, each way, but not the broadcasts it overhears', async () => {
    const hub = createHub('c', null);
    const broker = hub.connect();
    const machine = hub.connect({ latencyMs: 100 });
    const atBroker = heard(broker);
    const atMachine = heard(machine);

    machine.post({ type: 'leave', from: 'm' });
    broker.post({ type: 'revoke', to: 'm', job: 'r/0', attempt: 1 });
    broker.post({ type: 'leave', from: 'other' });
    await vi.advanceTimersByTimeAsync(0);
    expect(atBroker).toEqual([]);
    expect(atMachine).toEqual(['leave']); // the overheard broadcast, at once

    await vi.advanceTimersByTimeAsync(100);
    expect(atBroker).toEqual(['leave']);
    expect(atMachine).toEqual(['leave', 'revoke']);
    hub.close();
  });

  it('takes a message’s JSON length over the bandwidth', async () => {
    const hub = createHub('c', null);
    const broker = hub.connect();
    const machine = hub.connect({ bytesPerMs: 1 });
    const atBroker = heard(broker);
    const message = { type: 'leave', from: 'm' } as const;
    const bytes = JSON.stringify({ ...message, protocol: PROTOCOL, cluster: 'c' }).length;

    machine.post(message);
    await vi.advanceTimersByTimeAsync(bytes - 10);
    expect(atBroker).toEqual([]);
    await vi.advanceTimersByTimeAsync(bytes);
    expect(atBroker).toEqual(['leave']);
    hub.close();
  });

  it('loses messages both ways at the loss rate', async () => {
    const hub = createHub('c', null);
    const broker = hub.connect();
    const machine = hub.connect({ lossRate: 0.5, random: sequence([0.9, 0.1, 0.9, 0.1]) });
    const atBroker = heard(broker);
    const atMachine = heard(machine);

    machine.post({ type: 'leave', from: 'a' }); // draw 0.9: kept
    machine.post({ type: 'leave', from: 'b' }); // 0.1: lost
    broker.post({ type: 'revoke', to: 'm', job: 'r/0', attempt: 1 }); // 0.9: kept
    broker.post({ type: 'revoke', to: 'm', job: 'r/1', attempt: 1 }); // 0.1: lost
    await vi.advanceTimersByTimeAsync(0);
    expect(atBroker).toEqual(['leave']);
    expect(atMachine).toEqual(['revoke']);
    hub.close();
  });
});

function sequence(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

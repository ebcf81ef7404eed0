import { describe, expect, it } from 'vitest';
import { Deque } from '../../src/machines/deque';
import { readMachinesQuery } from '../../src/machines/page/query';
import { parseHostRequest } from '../../src/machines/brokerPort';
import { parseMessage, PROTOCOL } from '../../src/machines/protocol';
import { machineTrace } from '../../src/machines/timeline';

const envelope = (message: object, cluster = 'c') => ({ ...message, protocol: PROTOCOL, cluster });

describe('parseMessage', () => {
  it('accepts well-formed messages of its cluster', () => {
    const done = envelope({ type: 'done', from: 'm', job: 'r/0', attempt: 1, value: [5], started: [['r/1', 1]] });
    expect(parseMessage(done, 'c')).toBe(done);
    const heartbeat = envelope({
      type: 'heartbeat',
      from: 'm',
      info: { label: 'x', cores: 2, slots: 3, simulated: false },
      running: [],
    });
    expect(parseMessage(heartbeat, 'c')).toBe(heartbeat);
  });

  it.each([
    ['not an object', 42],
    ['null', null],
    ['another protocol', { type: 'leave', from: 'm', protocol: 'other/1', cluster: 'c' }],
    ['another cluster', envelope({ type: 'leave', from: 'm' }, 'd')],
    ['an unknown type', envelope({ type: 'shutdown', from: 'm' })],
    ['a prototype name as type', envelope({ type: 'toString', from: 'm' })],
    ['a missing field', envelope({ type: 'done', from: 'm', job: 'r/0', value: 1, started: [] })],
    ['a negative attempt', envelope({ type: 'done', from: 'm', job: 'r/0', attempt: -1, value: 1, started: [] })],
    ['an empty sender', envelope({ type: 'leave', from: '' })],
    [
      'a job without a kernel',
      envelope({ type: 'enqueue', from: 'c', jobs: [{ id: 'r/0', run: 'r', job: { args: [] } }] }),
    ],
    ['a configuration out of bounds', envelope({ type: 'configure', from: 'c', config: { leaseMs: 1 } })],
    ['bad started pairs', envelope({ type: 'started', from: 'm', jobs: [['r/0', 'one']] })],
  ])('ignores %s', (_, data) => {
    expect(parseMessage(data, 'c')).toBeUndefined();
  });
});

describe('readMachinesQuery', () => {
  it('reads a machine link with broker settings', () => {
    expect(readMachinesQuery('?role=machine&cluster=lab-1&cores=2&lease=1500&retries=1&broker=tab')).toStrictEqual({
      ok: true,
      value: { role: 'machine', cluster: 'lab-1', cores: 2, broker: 'tab', config: { leaseMs: 1500, maxRetries: 1 } },
    });
    const shared = readMachinesQuery('?broker=shared');
    expect(shared.ok && shared.value.broker).toBe('shared worker');
    // No choice in the link: the session picks the shared worker where the browser has one.
    const unset = readMachinesQuery('?role=client');
    expect(unset.ok && unset.value.broker).toBeUndefined();
  });

  it('names every bad value', () => {
    const read = readMachinesQuery('?role=boss&cluster=a%20b&cores=0&broker=redis&lease=5&retries=');
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.errors).toEqual([
        'role must be client or machine, got "boss"',
        'cluster must be 1–40 letters, digits or dashes',
        'cores must be a whole number from 1 to 64',
        'broker must be shared or tab, got "redis"',
        'lease (ms) must be a whole number from 200 to 120000',
        'maximum retries must be a whole number from 0 to 20',
      ]);
    }
  });
});

describe('parseHostRequest (a tab asking the shared worker to host its broker)', () => {
  it('keeps only the settings given, checked against their bounds', () => {
    expect(parseHostRequest({ type: 'host', cluster: 'lab', config: { leaseMs: 1500 } })).toStrictEqual({
      type: 'host',
      cluster: 'lab',
      config: { leaseMs: 1500 },
    });
  });

  it('refuses anything malformed: any page of the origin can connect', () => {
    for (const data of [
      null,
      'host',
      { type: 'host', cluster: 'lab' },
      { type: 'host', cluster: 'a b', config: {} },
      { type: 'host', cluster: 'lab', config: { leaseMs: 1 } },
      { type: 'hosting', cluster: 'lab', config: {} },
    ]) {
      expect(parseHostRequest(data)).toBeUndefined();
    }
  });
});

describe('Deque', () => {
  it('takes from the front, adds at both ends, and stays in order across compaction', () => {
    const deque = new Deque<number>([1, 2]);
    deque.pushFront(0);
    deque.pushBack(3);
    expect([deque.shift(), deque.shift()]).toEqual([0, 1]);
    deque.pushFront(1);
    expect(deque.toArray()).toEqual([1, 2, 3]);
    for (let i = 4; i < 5000; i++) deque.pushBack(i);
    const out: number[] = [];
    for (let item = deque.shift(); item !== undefined; item = deque.shift()) out.push(item);
    expect(out).toEqual(Array.from({ length: 4999 }, (_, i) => i + 1));
    expect(deque.size).toBe(0);
  });
});

describe('machineTrace', () => {
  it('draws each attempt of a run in its machine’s lane, the failed ones as failed', () => {
    const trace = machineTrace(
      [
        { job: 'r/0', attempt: 1, machine: 'b', start: 10, end: 20, outcome: 'done' },
        { job: 'r/1', attempt: 1, machine: 'a', start: 10, end: 30, outcome: 'lease expired' },
        { job: 'other/0', attempt: 1, machine: 'a', start: 10, end: 30, outcome: 'done' },
        { job: 'r/1', attempt: 2, machine: 'b', start: 30, end: 35, outcome: 'duplicate' },
      ],
      [{ id: 'a' }, { id: 'b' }],
      'r',
    );
    expect(trace.map(({ chunk, worker, status }) => [chunk, worker, status])).toEqual([
      [0, 1, 'done'],
      [1, 0, 'failed'],
      [1, 1, 'done'],
    ]);
  });
});

import { expect, it } from 'vitest';
import { chunkCounts } from '../../../src/lab/granularity';
import { KB, MB, payloadSizes, ROUND_TRIP_WAYS } from '../../../src/lab/messageCost';
import { MessagesState, payloadOk } from '../../../src/demos/messages/state.svelte';
import { cancelWhileRunning, holdLock, testEnvironment } from './support';

const env = testEnvironment();

it('times the spawn and the round trips, and exports what it shows', async () => {
  const state = new MessagesState(env);
  await state.runSpawn();
  expect(state.spawn.status).toBe('done');
  const spawned = state.spawn.result!;
  expect(spawned.map((row) => row.workers)).toEqual(state.spawnCounts);
  expect(state.spawnTable.rows.map((row) => row.workers)).toEqual(state.spawnCounts);
  state.spawnTable.rows.forEach((row, i) => expect(row.ms).toBeCloseTo(spawned[i]!.ms, 3));

  await state.runRoundTrips(20, 2);
  expect(state.roundTrip.status).toBe('done');
  const trips = state.roundTrip.result!;
  for (const way of ROUND_TRIP_WAYS) expect(trips[way]).toBeGreaterThan(0);
  expect(state.roundTripTable.rows).toHaveLength(ROUND_TRIP_WAYS.length);
  expect(state.roundTripTable.rows[0]!.againstRaw).toBe(1);
});

it('sweeps payloads up to the chosen size, every mode arriving as it should', async () => {
  const state = new MessagesState(env);
  state.settings.raw.payloadMb = '1';
  await state.runPayloads();
  expect(state.payload.status).toBe('done');
  const sizes = payloadSizes(MB);
  expect(sizes[0]).toBe(KB);
  expect(state.payloadRows.map((row) => row.bytes)).toEqual(sizes);
  expect(state.payloadPoints).toHaveLength(sizes.length * state.payloadModes.length);
  expect(state.payloadPoints.every(payloadOk)).toBe(true);
  expect(state.payloadTable.rows.map((row) => [row.bytes, row.mode])).toEqual(
    state.payloadPoints.map((point) => [point.bytes, point.mode]),
  );
  expect(state.payloadRan.settings).toEqual({ payloadMb: '1' });
});

it('a cancelled granularity sweep stops; the next one, smaller, measures every chunk count', async () => {
  const state = new MessagesState(env);
  state.settings.raw.n = '4e9';
  await cancelWhileRunning(state.runGranularity(), state.granularity, 200);

  state.settings.raw.n = '2e6';
  state.settings.raw.chunks = '16';
  await state.runGranularity();
  expect(state.granularity.status).toBe('done');
  const points = state.granularityPoints;
  expect(points.map((point) => point.chunks)).toEqual(chunkCounts(16));
  expect(points.every((point) => point.matches)).toBe(true);
  expect(points[0]!.speedup).toBe(1);
  expect(state.bestGranularity).not.toBeNull();
  // 2·10⁶ additions take a few ms: too short for steady speedups, and the result says so.
  expect(state.granularityNoise.join(' ')).toMatch(/took only/);
  expect(state.granularityTable.rows.map((row) => row.chunks)).toEqual([1, 4, 16]);
  state.granularityTable.rows.forEach((row, i) => expect(row.speedup).toBeCloseTo(points[i]!.speedup, 3));
});

it('refuses bad settings and resets to the defaults', () => {
  const state = new MessagesState(env);
  state.settings.raw.payloadMb = '3';
  state.settings.raw.n = '10';
  state.settings.raw.chunks = '0';
  const result = state.settings.result;
  expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['chunks', 'n', 'payloadMb']);
  state.settings.reset();
  expect(state.settings.raw).toEqual({ payloadMb: '64', n: '10000000', chunks: '4096' });
  expect(state.settings.isDefault).toBe(true);
});

it('one experiment at a time: another demo, or another experiment of this one, blocks the rest', async () => {
  const state = new MessagesState(env);
  const other = holdLock();
  try {
    for (const runner of [state.spawn, state.roundTrip, state.payload, state.granularity]) {
      expect(runner.blockedBy).toContain(other.label);
    }
    await state.runSpawn();
    expect(state.spawn.status).toBe('idle');
  } finally {
    await other.release();
  }
  const spawning = state.runSpawn();
  expect(state.running).toBe(true);
  expect(state.payload.blockedBy).toContain('spawn timing');
  await state.runPayloads();
  expect(state.payload.status).toBe('idle');
  state.spawn.cancel();
  await spawning;
  expect(state.payload.blockedBy).toBeNull();
});

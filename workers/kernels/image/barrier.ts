/**
 * A reusable barrier for the workers of one run, on a shared Int32Array: the last to arrive resets the count, bumps
 * the generation and wakes the others, who sleep in `Atomics.wait` until the generation moves. It needs every
 * participant running at the same time, so the page gives each worker exactly one job (never more participants
 * than workers). A participant that fails raises `failed`, so the others stop waiting instead of hanging.
 */
export const BARRIER = { arrived: 1, generation: 2, failed: 3 } as const;

/** Waits longer than any honest pass could take; past it, something is wrong and the run fails loudly. */
const TIMEOUT_MS = 60_000;

export class BarrierError extends Error {
  override name = 'BarrierError';
}

export function barrierWait(control: Int32Array, participants: number, timeoutMs = TIMEOUT_MS): void {
  const generation = Atomics.load(control, BARRIER.generation);
  if (Atomics.add(control, BARRIER.arrived, 1) === participants - 1) {
    Atomics.store(control, BARRIER.arrived, 0);
    Atomics.add(control, BARRIER.generation, 1);
    Atomics.notify(control, BARRIER.generation);
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (Atomics.load(control, BARRIER.generation) === generation) {
    if (Atomics.load(control, BARRIER.failed)) throw new BarrierError('another worker of this run failed');
    const left = deadline - Date.now();
    if (left <= 0 || Atomics.wait(control, BARRIER.generation, generation, left) === 'timed-out') {
      const arrived = Atomics.load(control, BARRIER.arrived);
      throw new BarrierError(`barrier timed out: ${arrived} of ${participants} workers arrived`);
    }
  }
}

/** Marks the run failed and wakes everyone waiting at the barrier. */
export function barrierFail(control: Int32Array): void {
  Atomics.store(control, BARRIER.failed, 1);
  Atomics.notify(control, BARRIER.generation);
}

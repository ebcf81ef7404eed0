import { expect, it } from 'vitest';
import { IdleQueue, targets } from '../../src/ui/shell/mountSchedule';

/** An idle queue whose idle periods come when the test says. */
function manualQueue() {
  const pending: (() => void)[] = [];
  const queue = new IdleQueue((run) => pending.push(run));
  const idlePeriod = () => pending.shift()?.();
  return { queue, pending, idlePeriod };
}

it('mounts nothing before the page has loaded, then one demo per idle period, in page order', () => {
  const { queue, pending, idlePeriod } = manualQueue();
  const mounted: string[] = [];
  queue.add(2, () => mounted.push('scheduling'));
  queue.add(0, () => mounted.push('speedup'));
  queue.add(1, () => mounted.push('image'));
  expect(pending).toHaveLength(0);
  queue.start();
  expect(pending).toHaveLength(1); // one period asked for at a time
  idlePeriod();
  expect(mounted).toEqual(['speedup']);
  idlePeriod();
  idlePeriod();
  expect(mounted).toEqual(['speedup', 'image', 'scheduling']);
  expect(pending).toHaveLength(0);
  expect(queue.size).toBe(0);
});

it('a demo mounted another way first (near the viewport, a link) leaves the queue', () => {
  const { queue, idlePeriod } = manualQueue();
  const mounted: string[] = [];
  const cancelSpeedup = queue.add(0, () => mounted.push('speedup'));
  queue.add(1, () => mounted.push('image'));
  queue.start();
  cancelSpeedup();
  idlePeriod();
  expect(mounted).toEqual(['image']);
});

it('a fragment targets the demo of that id only', () => {
  expect(targets('#scheduling', 'scheduling')).toBe(true);
  expect(targets('scheduling', 'scheduling')).toBe(true);
  expect(targets('#scheduling-amdahl', 'scheduling')).toBe(false);
  expect(targets('', 'speedup')).toBe(false);
});

it('idle mounts wait while a demo in view is loading', () => {
  const { queue, pending, idlePeriod } = manualQueue();
  const mounted: string[] = [];
  const release = queue.hold();
  queue.add(1, () => mounted.push('image'));
  queue.start();
  expect(pending).toHaveLength(0);
  release();
  release(); // twice is once
  idlePeriod();
  expect(mounted).toEqual(['image']);
});

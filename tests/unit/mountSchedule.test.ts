import { expect, it } from 'vitest';
import { IdleQueue, targets } from '../../src/ui/shell/mountSchedule';

/** An idle queue whose idle periods come when the test says. */
function manualQueue() {
  const pending: (() => void)[] = [];
  const queue = new IdleQueue((run) => pending.push(run));
  const idlePeriod = () => pending.shift()?.();
  return { queue, pending, idlePeriod };
}

it('runs nothing before the page has loaded, then one item per idle period, in the order queued', () => {
  const { queue, pending, idlePeriod } = manualQueue();
  const ran: string[] = [];
  queue.add(() => ran.push('share bars'));
  queue.add(() => ran.push('update check'));
  expect(pending).toHaveLength(0);
  queue.start();
  expect(pending).toHaveLength(1); // one period asked for at a time
  idlePeriod();
  expect(ran).toEqual(['share bars']);
  idlePeriod();
  expect(ran).toEqual(['share bars', 'update check']);
  expect(pending).toHaveLength(0);
});

it('a fragment targets the demo of that id only', () => {
  expect(targets('#scheduling', 'scheduling')).toBe(true);
  expect(targets('scheduling', 'scheduling')).toBe(true);
  expect(targets('#scheduling-amdahl', 'scheduling')).toBe(false);
  expect(targets('', 'speedup')).toBe(false);
});

it('idle items wait while a demo in view is loading', () => {
  const { queue, pending, idlePeriod } = manualQueue();
  const ran: string[] = [];
  const release = queue.hold();
  queue.add(() => ran.push('share bars'));
  queue.start();
  expect(pending).toHaveLength(0);
  release();
  release(); // twice is once
  idlePeriod();
  expect(ran).toEqual(['share bars']);
});

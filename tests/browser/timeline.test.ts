import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Timeline from '../../src/ui/Timeline.svelte';
import type { TraceEvent } from '../../src/pool';

/** A fixed trace with round numbers: 3 chunks on 2 workers over 100 ms; worker 1 idles after 40 ms. */
const event = (chunk: number, worker: number, dispatched: number, finished: number): TraceEvent => ({
  chunk,
  worker,
  kernel: 'mandelbrotRows',
  queuedAt: 1000,
  dispatchedAt: 1000 + dispatched,
  startedAt: 1000 + dispatched + 1,
  finishedAt: 1000 + finished,
  settledAt: 1000 + finished + 1,
  status: 'done',
});
const trace = [event(0, 0, 0, 59), event(1, 1, 0, 39), event(2, 0, 60, 99)];

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = '';
});

describe('Timeline', () => {
  function render() {
    const target = document.createElement('div');
    document.body.append(target);
    component = mount(Timeline, {
      target,
      props: {
        trace,
        workers: 2,
        title: 'fixed',
        chunkLabel: (chunk: number) => `rows ${chunk * 10}–${chunk * 10 + 9}`,
      },
    });
    flushSync();
    return target;
  }

  it('draws one lane per worker, one bar per chunk, and each lane’s busy share', () => {
    const target = render();
    expect(target.querySelectorAll('.lane')).toHaveLength(2);
    expect(target.querySelectorAll('.bar')).toHaveLength(3);
    expect(target.querySelectorAll('.bar[data-worker="0"]')).toHaveLength(2);
    // Worker 0 computes 58 + 38 ms of the 100 ms run, worker 1 computes 38 ms.
    const busy = [...target.querySelectorAll('.lane')].map((lane) => lane.textContent?.match(/busy (\d+) %/)?.[1]);
    expect(busy).toEqual(['96', '38']);
  });

  it('gives a focused bar’s details in words, and lists every chunk in the table', () => {
    const target = render();
    (target.querySelector('.bar[data-chunk="2"]') as SVGGElement).focus();
    flushSync();
    expect(target.querySelector('[data-testid="timeline-details"]')?.textContent).toMatch(
      /rows 20–29 on worker 0: waited 60\.0 ms in the queue, data in 1\.00 ms, computed 38\.0 ms/,
    );
    expect(target.querySelectorAll('.trace-table tr[data-chunk]')).toHaveLength(3);
  });

  it('is one Tab stop whose arrow keys move the focus between bars, with a focus mark on the focused bar', () => {
    const target = render();
    const bars = () => [...target.querySelectorAll<SVGGElement>('.bar')];
    // Before anything is picked, the run's first bar is the only one in the Tab order.
    expect(
      bars()
        .filter((bar) => bar.tabIndex === 0)
        .map((bar) => bar.dataset.chunk),
    ).toEqual(['0']);
    const first = target.querySelector<SVGGElement>('.bar[data-chunk="0"]')!;
    first.focus();
    flushSync();
    expect(target.querySelector('[data-testid="timeline-focus"]')).not.toBeNull();

    const press = (key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      document.activeElement!.dispatchEvent(event);
      flushSync();
      return event;
    };
    expect(press('ArrowRight').defaultPrevented).toBe(true);
    expect((document.activeElement as SVGGElement).dataset.chunk).toBe('2');
    expect(press('ArrowDown').defaultPrevented).toBe(true);
    expect((document.activeElement as SVGGElement).dataset.chunk).toBe('1');
    // The Tab stop follows the focus, so Tab away and back returns to the same bar.
    expect(
      bars()
        .filter((bar) => bar.tabIndex === 0)
        .map((bar) => bar.dataset.chunk),
    ).toEqual(['1']);
    expect(press('Home').defaultPrevented).toBe(true);
    expect((document.activeElement as SVGGElement).dataset.chunk).toBe('0');
    // Space picks the bar instead of scrolling the page; other keys are left alone.
    expect(press(' ').defaultPrevented).toBe(true);
    expect(press('Tab').defaultPrevented).toBe(false);
    expect(target.querySelector('[data-testid="timeline-details"]')?.textContent).toMatch(/rows 0–9 on worker 0/);

    first.blur();
    flushSync();
    expect(target.querySelector('[data-testid="timeline-focus"]')).toBeNull();
  });

  it('names its lanes as told, and draws a chunk that ran twice as two bars', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const names = ['tab a', 'simulated machine 2'];
    component = mount(Timeline, {
      target,
      // Chunk 0 ran on both machines (a job retried after its lease, then the first result arrived late too).
      props: {
        trace: [...trace, event(0, 1, 40, 90)],
        workers: 2,
        title: 'jobs',
        laneName: (lane: number) => names[lane]!,
      },
    });
    flushSync();
    const labels = [...target.querySelectorAll('.lane')].map((lane) => lane.querySelector('text')?.textContent?.trim());
    expect(labels).toEqual(names);
    expect(target.querySelectorAll('.bar[data-chunk="0"]')).toHaveLength(2);
    expect(target.querySelector('.bar[data-chunk="1"]')?.getAttribute('aria-label')).toContain(
      'on simulated machine 2:',
    );
    expect(target.querySelector('.trace-table tbody th')?.textContent).toBe('tab a');
  });
});

describe('Timeline of a run with a chunk past its time limit', () => {
  it('draws that chunk crossed out over the time it held its worker, says so, and lists it', () => {
    // The worker never reported start or finish: it was terminated 80 ms after taking the chunk.
    const stopped: TraceEvent = {
      ...event(3, 1, 40, 0),
      startedAt: Number.NaN,
      finishedAt: Number.NaN,
      settledAt: 1120,
      status: 'timed-out',
    };
    const target = document.createElement('div');
    document.body.append(target);
    component = mount(Timeline, {
      target,
      props: { trace: [...trace, stopped], workers: 2, title: 'stopped', chunkLabel: (chunk: number) => `c${chunk}` },
    });
    flushSync();
    expect(target.querySelectorAll('.bar')).toHaveLength(4);
    const bar = target.querySelector<SVGGElement>('.bar.stopped')!;
    expect(bar.dataset.chunk).toBe('3');
    expect(bar.getAttribute('aria-label')).toMatch(/c3 on worker 1: ran past its time limit after 80\.0 ms/);
    expect(target.querySelector('.legend')?.textContent).toMatch(/stopped in its worker/);
    expect(target.querySelector('.trace-table tr[data-chunk="3"] th')?.textContent).toBe('c3 (timed-out)');
    // Worker 1 was held 38 ms by chunk 1 and 80 ms by the stopped chunk, of a 120 ms run.
    const busy = [...target.querySelectorAll('.lane')].map((lane) => lane.textContent?.match(/busy (\d+) %/)?.[1]);
    expect(busy[1]).toBe('98');
  });
});

import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { SweepRow } from '../../../src/measure/sweep';
import SpeedupChart from '../../../src/ui/SpeedupChart.svelte';
import SweepTable from '../../../src/ui/SweepTable.svelte';

/** Fixed, round figures: a chart test never depends on a live timing. */
const rows: SweepRow[] = [
  {
    workers: 1,
    timesMs: [1000, 990, 1010],
    medianMs: 1000,
    minMs: 990,
    maxMs: 1010,
    speedup: 1,
    speedupMin: 0.99,
    speedupMax: 1.01,
    efficiency: 1,
    spawnMs: 20,
    matches: true,
  },
  {
    workers: 2,
    timesMs: [520, 500, 540],
    medianMs: 520,
    minMs: 500,
    maxMs: 540,
    speedup: 1000 / 520,
    speedupMin: 1000 / 540,
    speedupMax: 2,
    efficiency: 1000 / 1040,
    spawnMs: 30,
    matches: true,
  },
  {
    workers: 4,
    timesMs: [400, 380, 500],
    medianMs: 400,
    minMs: 380,
    maxMs: 500,
    speedup: 2.5,
    speedupMin: 2,
    speedupMax: 1000 / 380,
    efficiency: 0.625,
    spawnMs: 45,
    matches: false,
  },
];

let mounted: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (mounted) unmount(mounted);
  mounted = undefined;
  document.body.innerHTML = '';
});

describe('SpeedupChart', () => {
  it('draws a point, a spread bar and an efficiency mark per worker count, and matches its snapshot', () => {
    mounted = mount(SpeedupChart, {
      target: document.body,
      props: {
        rows,
        curves: [
          {
            label: 'fit',
            points: [
              [1, 1],
              [4, 3],
            ],
          },
        ],
      },
    });
    flushSync();
    const svg = document.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelectorAll('.point')).toHaveLength(3);
    expect(svg.querySelector('[data-curve="fit"]')).not.toBeNull();
    // Higher speedup is drawn higher: the 4-worker median sits above the 1-worker one.
    const cy = (p: number) => Number(svg.querySelector(`.point[data-workers="${p}"] circle`)!.getAttribute('cy'));
    expect(cy(4)).toBeLessThan(cy(1));
    expect(svg.outerHTML).toMatchSnapshot();
  });
});

describe('SweepTable', () => {
  it('shows each row with its numbers and flags a mismatch', () => {
    mounted = mount(SweepTable, { target: document.body, props: { rows, resultText: 'fib(30) = 832,040' } });
    flushSync();
    const cells = (p: number) =>
      [...document.querySelectorAll(`tr[data-workers="${p}"] > *`)].map((cell) => cell.textContent);
    expect(cells(2)).toEqual(['2', '520.0', '500.0–540.0', '1.92×', '0.96', '30.0', '✓ fib(30) = 832,040']);
    expect(cells(4).at(-1)).toBe('✗ differs from the 1-worker result');
    expect(document.querySelector('tr[data-workers="4"]')!.classList.contains('mismatch')).toBe(true);
  });
});

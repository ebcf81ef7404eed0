import type { DemoMeta } from '../demo';

export const meta: DemoMeta = {
  id: 'machine',
  title: 'Honest environment',
  lesson: 'The cores a browser reports are not always the cores you get: measure where speedup stops.',
  python: {
    modules: 'os, time',
    explanation:
      'os.cpu_count() reports logical cores, which is not how many run your work at full speed: hyper-threads ' +
      'share a core, and containers or browsers may limit what you get. Measure where the speedup stops. ' +
      'time.perf_counter_ns() resolves nanoseconds; a browser coarsens its clock against timing attacks.',
    code: `import os, time

print(os.cpu_count(), len(os.sched_getaffinity(0)))   # reported vs usable here
print(time.get_clock_info('perf_counter').resolution)`,
  },
};

import type { DemoMeta } from '../demo';

export const meta: DemoMeta = {
  id: 'array-sum',
  title: 'Memory-bound sum: copy, transfer, shared',
  lesson: 'When the work is cheap, moving the data is the whole cost.',
};

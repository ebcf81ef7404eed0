import type { DemoMeta } from '../demo';

export const meta: DemoMeta = {
  id: 'python',
  title: 'Python side by side',
  lesson: 'Every demo’s idea in Python, and the web’s three ways compared.',
};

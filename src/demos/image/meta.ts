import type { DemoMeta } from '../demo';
import data from './meta.json';

export const meta: DemoMeta = data;

import { BACKENDS, type Backend } from '../../workers/kernels/backend';
import { FILTER_NAMES, type Filter, type FilterName } from '../../workers/kernels/image/filter';

/** Every filter has WebAssembly twins (scalar and SIMD): every backend can run the image demo. */
export const FILTER_BACKENDS: readonly Backend[] = BACKENDS;

export const FILTER_LABELS: Record<FilterName, string> = {
  grayscale: 'Grayscale',
  invert: 'Invert',
  box: 'Box blur',
  gaussian: 'Gaussian blur (separable)',
  sharpen: 'Sharpen',
  sobel: 'Sobel edges',
};

/** How the filter reads in a result line: "Gaussian blur (separable), σ = 2". */
export function describeFilter(filter: Filter): string {
  const label = FILTER_LABELS[filter.name];
  if (filter.name === 'box') return `${label}, radius ${filter.radius}`;
  if (filter.name === 'gaussian') return `${label}, σ = ${filter.sigma}`;
  return label;
}

export const isFilterName = (raw: string): raw is FilterName => (FILTER_NAMES as readonly string[]).includes(raw);

/** The filter a name makes with its parameter; the parameters of the other filters are ignored. */
export function filterFrom(name: FilterName, { radius, sigma }: { radius: number; sigma: number }): Filter {
  if (name === 'box') return { name, radius };
  if (name === 'gaussian') return { name, sigma };
  return { name };
}

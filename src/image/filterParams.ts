import {
  FILTER_NAMES,
  MAX_BOX_RADIUS,
  MAX_SIGMA,
  MIN_SIGMA,
  type Filter,
  type FilterName,
} from '../../workers/kernels/image/filter';
import { parseInteger, type Parsed } from '../tasks/validate';

export const FILTER_LABELS: Record<FilterName, string> = {
  grayscale: 'Grayscale',
  invert: 'Invert',
  box: 'Box blur',
  gaussian: 'Gaussian blur (separable)',
  sharpen: 'Sharpen',
  sobel: 'Sobel edges',
};

export interface RawFilter {
  filter: string;
  radius: string;
  sigma: string;
}

export type FilterValidation =
  { ok: true; filter: Filter } | { ok: false; errors: Partial<Record<'radius' | 'sigma', string>> };

/** A decimal typed by a person, like 1.5 or 2; refuses what is not a plain number or is out of range. */
export function parseDecimal(
  raw: string,
  { label, min, max }: { label: string; min: number; max: number },
): Parsed<number> {
  const text = raw.trim();
  if (text === '') return { ok: false, error: `${label} is required` };
  if (!/^\+?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false, error: `${label} must be a number, got "${text}"` };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, error: `${label} must be from ${min} to ${max}` };
  return { ok: true, value };
}

export const isFilterName = (raw: string): raw is FilterName => (FILTER_NAMES as readonly string[]).includes(raw);

/** Reads the filter and, for the blurs, its parameter, as typed. Only the chosen filter's parameter is checked. */
export function validateFilter(raw: RawFilter): FilterValidation {
  if (!isFilterName(raw.filter)) return { ok: false, errors: {} };
  if (raw.filter === 'box') {
    const radius = parseInteger(raw.radius, { label: 'Radius', min: 1, max: MAX_BOX_RADIUS });
    return radius.ok
      ? { ok: true, filter: { name: 'box', radius: radius.value } }
      : { ok: false, errors: { radius: radius.error } };
  }
  if (raw.filter === 'gaussian') {
    const sigma = parseDecimal(raw.sigma, { label: 'Sigma', min: MIN_SIGMA, max: MAX_SIGMA });
    return sigma.ok
      ? { ok: true, filter: { name: 'gaussian', sigma: sigma.value } }
      : { ok: false, errors: { sigma: sigma.error } };
  }
  return { ok: true, filter: { name: raw.filter } };
}

/** How the filter reads in a result line: "Gaussian blur (separable), σ = 2". */
export function describeFilter(filter: Filter): string {
  const label = FILTER_LABELS[filter.name];
  if (filter.name === 'box') return `${label}, radius ${filter.radius}`;
  if (filter.name === 'gaussian') return `${label}, σ = ${filter.sigma}`;
  return label;
}

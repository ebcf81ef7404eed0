import { BACKEND_LABELS, type Backend } from '../../workers/kernels/backend';

/** A parameter's outcome: its value, or a message fit to show next to the input. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface IntegerRule {
  label: string;
  min: number;
  max: number;
}

const DECIMAL = /^\+?\d+(\.\d+)?(e\+?\d+)?$/i;

/**
 * Parses a whole number typed by a person: plain digits or scientific notation (2e9), with optional `_` or `,`
 * between digits. Refuses empty, negative, fractional, hexadecimal and out-of-range input with a readable message.
 */
export function parseInteger(raw: string, { label, min, max }: IntegerRule): Parsed<number> {
  const text = raw.trim().replace(/(?<=\d)[_,](?=\d)/g, '');
  if (text === '') return { ok: false, error: `${label} is required` };
  if (text.startsWith('-')) return { ok: false, error: `${label} cannot be negative` };
  if (!DECIMAL.test(text)) return { ok: false, error: `${label} must be a number, got "${raw.trim()}"` };
  const value = Number(text);
  if (!Number.isInteger(value)) return { ok: false, error: `${label} must be a whole number` };
  if (value < min || value > max) {
    return { ok: false, error: `${label} must be from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}` };
  }
  return { ok: true, value };
}

export interface DecimalRule {
  label: string;
  min: number;
  max: number;
}

const REAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses a real number typed by a person (−2.5, .75, 1e-3), refusing empty, non-numeric and out-of-range input. */
export function parseDecimal(raw: string, { label, min, max }: DecimalRule): Parsed<number> {
  const text = raw.trim().replace(/^−/, '-');
  if (text === '') return { ok: false, error: `${label} is required` };
  if (!REAL.test(text)) return { ok: false, error: `${label} must be a number, got "${raw.trim()}"` };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, error: `${label} must be from ${min} to ${max}` };
  return { ok: true, value };
}

/** Reads a backend's name; empty or absent means JavaScript. Refuses a backend the task does not offer. */
export function parseBackend(raw: string | undefined, offered: readonly Backend[]): Parsed<Backend> {
  const text = (raw ?? '').trim() || 'js';
  const backend = offered.find((name) => name === text);
  if (backend) return { ok: true, value: backend };
  const names = offered.map((name) => `${name} (${BACKEND_LABELS[name]})`).join(', ');
  return { ok: false, error: `Backend must be one of ${names}, got "${text}"` };
}

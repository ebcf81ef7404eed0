import { formatCount } from '../../format';

/** 1234.5 → "1,235": a rate next to its own unit ("pages/s"). */
export const perSecond = (rate: number) => formatCount(Math.round(rate));

/** A runner's step progress as a progress bar's value and label. */
export const stepProgress = (p: { step: number; steps: number; label: string } | null) =>
  p ? { value: (p.step - 1) / p.steps, label: `${p.label} (${p.step} of ${p.steps})` } : null;

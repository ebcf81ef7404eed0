import type { NetworkOptions } from '../../machines';

/** The three figures of a simulated link that the form sets. */
export type LinkFigures = Pick<NetworkOptions, 'latencyMs' | 'bytesPerMs' | 'lossRate'>;

/** The form's network, as the simulated machines' link: a bandwidth of 0 is no limit (kB/s are bytes per ms). */
export function networkOf(values: { latency: number; bandwidth: number; loss: number }): Required<LinkFigures> {
  return {
    latencyMs: values.latency,
    bytesPerMs: values.bandwidth === 0 ? Infinity : values.bandwidth,
    lossRate: values.loss,
  };
}

/** A machine's link is the form's (a machine keeps the link it started with). */
export function sameLink(a: NetworkOptions, b: Required<LinkFigures>): boolean {
  return (
    (a.latencyMs ?? 0) === b.latencyMs &&
    (a.bytesPerMs ?? Infinity) === b.bytesPerMs &&
    (a.lossRate ?? 0) === b.lossRate
  );
}

/** A named line on a chart: points (x, y) in the chart's units, joined in order. */
export interface Curve {
  label: string;
  points: [number, number][];
}

/** The calibration probes, in a worker like the runs they size (same JIT, and the page does not freeze meanwhile). */
import { probeFib, probeSum } from '../src/measure/calibrate';
import { fib } from './kernels/fib';
import { sumSquaresMod32 } from './kernels/sum';

self.onmessage = () => {
  const now = () => performance.now();
  self.postMessage({ fib: probeFib(fib, now), sum: probeSum(sumSquaresMod32, now) });
};

/** The calibration probe, in a worker like the runs it sizes (same JIT, and the page does not freeze meanwhile). */
import { probeFib } from '../src/measure/calibrate';
import { fib } from './kernels/fib';

self.onmessage = () => self.postMessage(probeFib(fib, () => performance.now()));

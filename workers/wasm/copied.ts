import { checkFilter, type Filter, haloRows } from '../kernels/image/filter';
import { gaussianWeights } from '../kernels/image/gaussian';
import { type BandPass, type SharedFilterBuffers, gaussianScratch } from '../kernels/image/shared';
import { verticalScratch } from './inPlace';
import type { WasmKernels } from './kernels';
import { Layout } from './layout';

/**
 * Shared mode on a picture in plain SharedArrayBuffers (no shared WebAssembly.Memory could be made): the picture is
 * outside the module's memory, so each band is copied in with its halo and its rows copied back out. The Gaussian's
 * 16-bit intermediate goes through the shared scratch picture, as the JavaScript kernels' does.
 */
export function copiedPasses(
  kernels: WasmKernels,
  filter: Filter,
  buffers: SharedFilterBuffers,
  width: number,
  height: number,
): BandPass[] {
  checkFilter(filter);
  const { input, output } = buffers;
  const stride = width * 4;
  if (filter.name !== 'gaussian') {
    const halo = haloRows(filter);
    return [
      (y0, y1) => {
        const top = Math.max(0, y0 - halo);
        const window = input.subarray(top * stride, Math.min(height, y1 + halo) * stride);
        output.set(kernels.filterBand(filter, window, top, width, height, y0, y1), y0 * stride);
      },
    ];
  }
  const scratch = gaussianScratch(buffers);
  const weights = gaussianWeights(filter.sigma);
  const radius = (weights.length - 1) >> 1;
  const { exports, memory } = kernels;
  /** A pass's input, output, weights and own scratch, laid out in the module's memory, which is grown to hold them. */
  const layOut = (srcBytes: number, dstBytes: number, scratchBytes: number) => {
    const layout = new Layout();
    const at = {
      src: layout.take(srcBytes),
      dst: layout.take(dstBytes),
      weights: layout.take(weights.length * 4),
      scratch: layout.take(scratchBytes),
    };
    layout.grow(memory);
    kernels.setWeights(at.weights, weights);
    return at;
  };
  return [
    (y0, y1) => {
      const bytes = (y1 - y0) * stride;
      const at = layOut(bytes, bytes * 2, (stride + 8 * radius) * 4);
      kernels.bytes(at.src, bytes).set(input.subarray(y0 * stride, y1 * stride));
      exports.gaussianHorizontal(at.src, y0, at.dst, y0, width, y0, y1, at.weights, radius, at.scratch);
      scratch.set(new Uint16Array(memory.buffer, at.dst, bytes), y0 * stride);
    },
    (y0, y1) => {
      // The rows above and below that the vertical pass reads, from the shared 16-bit intermediate.
      const top = Math.max(0, y0 - radius);
      const bottom = Math.min(height, y1 + radius);
      const at = layOut((bottom - top) * stride * 2, (y1 - y0) * stride, verticalScratch(weights.length));
      new Uint16Array(memory.buffer, at.src, (bottom - top) * stride).set(
        scratch.subarray(top * stride, bottom * stride),
      );
      exports.gaussianVertical(at.src, top, at.dst, y0, width, height, y0, y1, at.weights, radius, at.scratch);
      output.set(kernels.bytes(at.dst, (y1 - y0) * stride), y0 * stride);
    },
  ];
}

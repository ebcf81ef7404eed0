import { boxWgsl } from '../../workers/kernels/webgpu/box';
import { gaussianWgsl } from '../../workers/kernels/webgpu/gaussian';
import { grayscaleWgsl } from '../../workers/kernels/webgpu/grayscale';
import { invertWgsl } from '../../workers/kernels/webgpu/invert';
import { WORKGROUP_SIDE } from '../../workers/kernels/webgpu/pixels';
import { sharpenWgsl } from '../../workers/kernels/webgpu/sharpen';
import { sobelWgsl } from '../../workers/kernels/webgpu/sobel';
import { checkFilter, type Filter } from '../../workers/kernels/image/filter';
import { gaussianWeights } from '../../workers/kernels/image/gaussian';
import type { Picture } from '../image/picture';
import { groupsFor, type GpuBufferSpec, type GpuJob, type KernelSource } from './job';
import type { GpuRunner, GpuRunOptions } from './runner';
import type { GpuRun } from './timings';

const SOURCES: Record<Filter['name'], string> = {
  grayscale: grayscaleWgsl,
  invert: invertWgsl,
  box: boxWgsl,
  gaussian: gaussianWgsl,
  sharpen: sharpenWgsl,
  sobel: sobelWgsl,
};

const kernel = (name: Filter['name'], entry: string): KernelSource => ({ id: name, code: SOURCES[name], entry });

/** Bytes of the two-pass filters' intermediate: 16-bit sums, four channels, 8 bytes a pixel. */
const MID_BYTES_PER_PIXEL = 8;

/**
 * The GPU job that filters a whole picture: the same bytes as `applyFilter` over all its rows. Throws a RangeError
 * for a filter the kernels cannot honour or a picture larger than one binding (`maxBindingBytes`).
 */
export function filterJob(picture: Picture, filter: Filter, maxBindingBytes = Infinity): GpuJob {
  checkFilter(filter);
  const { width, height, data } = picture;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`a picture is at least 1×1 whole pixels, got ${width}×${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new RangeError(`a ${width}×${height} picture has ${width * height * 4} bytes, got ${data.length}`);
  }
  const twoPass = filter.name === 'box' || filter.name === 'gaussian';
  const largest = width * height * (twoPass ? MID_BYTES_PER_PIXEL : 4);
  if (largest > maxBindingBytes) {
    throw new RangeError(
      `a ${width}×${height} ${filter.name} needs a ${largest}-byte GPU buffer; this device binds at most ${maxBindingBytes}`,
    );
  }
  const radius = filter.name === 'box' ? filter.radius : 0;
  const buffers: Record<string, GpuBufferSpec> = {
    params: { kind: 'uniform', data: new Uint32Array([width, height, radius, 0]) },
    src: { kind: 'input', data },
    dst: { kind: 'scratch', bytes: data.byteLength },
  };
  const workgroups = [groupsFor(width, WORKGROUP_SIDE), groupsFor(height, WORKGROUP_SIDE)] as const;
  if (!twoPass) {
    return {
      buffers,
      passes: [{ kernel: kernel(filter.name, 'main'), bindings: { 0: 'params', 1: 'src', 2: 'dst' }, workgroups }],
      output: 'dst',
    };
  }
  buffers.mid = { kind: 'scratch', bytes: width * height * MID_BYTES_PER_PIXEL };
  // The horizontal pass reads the picture into `mid`, the vertical one reads `mid` into the output.
  const horizontal: Record<number, string> = { 0: 'params', 1: 'src', 3: 'mid' };
  const vertical: Record<number, string> = { 0: 'params', 2: 'dst', 3: 'mid' };
  if (filter.name === 'gaussian') {
    buffers.weights = { kind: 'input', data: Uint32Array.from(gaussianWeights(filter.sigma)) };
    horizontal[4] = 'weights';
    vertical[4] = 'weights';
  }
  return {
    buffers,
    passes: [
      { kernel: kernel(filter.name, 'horizontal'), bindings: horizontal, workgroups },
      { kernel: kernel(filter.name, 'vertical'), bindings: vertical, workgroups },
    ],
    output: 'dst',
  };
}

/** Filters a picture on the GPU; the bytes equal the JS kernels' for every filter. */
export async function runFilterGpu(
  runner: GpuRunner,
  picture: Picture,
  filter: Filter,
  options?: GpuRunOptions,
): Promise<GpuRun<Uint8ClampedArray>> {
  const run = await runner.run(filterJob(picture, filter, runner.maxBindingBytes), options);
  return { value: new Uint8ClampedArray(run.value), timings: run.timings };
}

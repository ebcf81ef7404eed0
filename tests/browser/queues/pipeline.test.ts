import { describe, expect, it } from 'vitest';
import { sequentialChecksum } from '../../../workers/kernels/queue/items';
import { NotIsolatedError } from '../../../src/queues/errors';
import { runDataParallel, runPipeline, type PipelinePicture } from '../../../src/queues/pipeline';

const isolated = { crossOriginIsolated: true };

describe('a pipeline on channels: generate → transform → reduce', () => {
  it.each([
    [0, 1],
    [1, 1],
    [16, 2],
    [256, 3],
  ])('equals the one-thread checksum, capacity %i, %i transform workers', async (capacity, transformers) => {
    const items = 20_000;
    const pictures: PipelinePicture[] = [];
    const result = await runPipeline(
      { items, capacity, transformers, costsUs: [0, 0, 0] },
      { ...isolated, onProgress: (p) => pictures.push(p) },
    );
    expect(result.checksum).toBe(sequentialChecksum(items));
    const last = pictures.at(-1)!;
    expect(last.channels.map((c) => c.closed)).toEqual([true, true]);
    expect(last.workers.every((w) => w.state === 'done')).toBe(true);
    expect(last.workers.filter((w) => w.stage === 'transform').reduce((n, w) => n + w.items, 0)).toBe(items);
  });

  it.each([1, 2, 4])('data-parallel over %i workers gives the same checksum', async (workers) => {
    const result = await runDataParallel({ items: 20_000, workers, costsUs: [0, 0, 0] });
    expect(result.checksum).toBe(sequentialChecksum(20_000));
  });

  it('needs shared memory: without isolation a typed error, the data-parallel version still runs', async () => {
    const params = { items: 10, capacity: 1, transformers: 1, costsUs: [0, 0, 0] as [number, number, number] };
    await expect(runPipeline(params, { crossOriginIsolated: false })).rejects.toBeInstanceOf(NotIsolatedError);
    expect((await runDataParallel({ items: 10, workers: 2, costsUs: [0, 0, 0] })).checksum).toBe(
      sequentialChecksum(10),
    );
  });

  it('a slow middle stage holds the others back: the generator blocks on a full channel', async () => {
    const pictures: PipelinePicture[] = [];
    const result = await runPipeline(
      { items: 200, capacity: 4, transformers: 1, costsUs: [0, 1000, 0] },
      { ...isolated, onProgress: (p) => pictures.push(p) },
    );
    expect(result.checksum).toBe(sequentialChecksum(200));
    const generator = pictures.at(-1)!.workers[0]!;
    expect(generator.blockedMs).toBeGreaterThan(100);
    expect(pictures.some((p) => p.channels[0].length === 4)).toBe(true);
  });
});

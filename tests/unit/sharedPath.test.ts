import { describe, expect, it } from 'vitest';
import { sharedPath, wasmMemoryNote } from '../../src/image/sharedPath';
import { sharePicture } from '../../src/image/picture';

const picture = { width: 3, height: 2, data: new Uint8ClampedArray(24) };

describe('which path shared mode takes, and what the Image demo says about it', () => {
  it('a picture in a shared WebAssembly.Memory is filtered in place by every backend', () => {
    const inMemory = sharePicture(picture);
    expect(inMemory.wasm?.memory.buffer).toBe(inMemory.input.buffer);
    expect(sharedPath('wasm-simd', inMemory)).toBe('no-copy');
    expect(wasmMemoryNote('wasm', 'shared', inMemory, true)).toMatch(/filtered it in place/);
  });

  it('in plain SharedArrayBuffers the WebAssembly backends copy bands; JavaScript never does', () => {
    const apart = sharePicture(picture, { inWasmMemory: false });
    expect(apart.wasm).toBeNull();
    expect(sharedPath('js', apart)).toBe('no-copy');
    expect(sharedPath('wasm', apart)).toBe('band-copies');
    expect(wasmMemoryNote('wasm', 'shared', apart, true)).toMatch(/copied into the module's own memory/);
  });

  it('says what is off without cross-origin isolation, and nothing for JavaScript', () => {
    expect(wasmMemoryNote('wasm-simd', 'copy', undefined, false)).toMatch(/not cross-origin isolated/);
    expect(wasmMemoryNote('wasm-simd', 'transfer', undefined, true)).toMatch(/Shared mode puts the picture/);
    expect(wasmMemoryNote('js', 'shared', sharePicture(picture), true)).toBeNull();
  });
});

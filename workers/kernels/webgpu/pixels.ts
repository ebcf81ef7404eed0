/**
 * WGSL shared by the picture kernels: the parameters every picture pass gets, pixel packing, the clamp rule and the
 * luma, each the twin of `workers/kernels/image/rows.ts`. A picture is one u32 per RGBA pixel, red in the low byte.
 */
export const pixelsWgsl = /* wgsl */ `
struct Params {
  width: u32,
  height: u32,
  // The box blur's radius; the Gaussian's is its weights' half-length.
  radius: u32,
  _pad: u32,
}

@group(0) @binding(0) var<uniform> params: Params;

fn unpack(p: u32) -> vec4<u32> {
  return vec4<u32>(p & 0xffu, (p >> 8u) & 0xffu, (p >> 16u) & 0xffu, p >> 24u);
}

fn pack(c: vec4<u32>) -> u32 {
  return c.x | (c.y << 8u) | (c.z << 16u) | (c.w << 24u);
}

// The clamp rule: a row or column outside the picture reads the nearest one inside it.
fn clampTo(index: i32, size: u32) -> u32 {
  return u32(clamp(index, 0, i32(size) - 1));
}

// Perceived brightness in integers (ITU-R BT.601 weights x 256, rounded), as rows.ts computes it.
fn luma(c: vec4<u32>) -> u32 {
  return (77u * c.x + 150u * c.y + 29u * c.z + 128u) >> 8u;
}

// Intermediate sums below 2^16 (box and Gaussian first passes), two channels per word: 8 bytes a pixel instead of 16,
// so that a 4096x4096 picture's intermediate fits the default 128 MiB storage binding.
fn pack16(c: vec4<u32>) -> vec2<u32> {
  return vec2<u32>(c.x | (c.y << 16u), c.z | (c.w << 16u));
}

fn unpack16(w: vec2<u32>) -> vec4<u32> {
  return vec4<u32>(w.x & 0xffffu, w.x >> 16u, w.y & 0xffffu, w.y >> 16u);
}

fn outside(id: vec3<u32>) -> bool {
  return id.x >= params.width || id.y >= params.height;
}
`;

/** The workgroup is 8×8 pixels: 64 invocations, and a 2-D grid stays under 65 535 groups a side for any picture. */
export const WORKGROUP_SIDE = 8;

/**
 * A filter that reads no neighbour: `pixel` is the WGSL body of a function from one pixel's channels `c` to the
 * packed pixel it becomes.
 */
export function pointWgsl(pixel: string): string {
  return /* wgsl */ `${pixelsWgsl}
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;

fn pixel(c: vec4<u32>) -> u32 {
  ${pixel}
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (outside(id)) { return; }
  let i = id.y * params.width + id.x;
  dst[i] = pixel(unpack(src[i]));
}
`;
}

/*
 * The native reference for `npm run bench` (issue 15): the same algorithms as the JavaScript kernels in
 * workers/kernels, in plain C, compiled with cc -O3 -march=native -ffp-contract=off (no fused multiply-add, so
 * Mandelbrot's doubles round as JavaScript's do) -fno-math-errno (a square root of a non-negative number never sets
 * errno, and the errno branch kept gcc from vectorising Sobel). The benchmark checks each output's FNV-1a checksum against the
 * JavaScript kernel's before it prints a ratio.
 *
 *   kernels grayscale|box|sharpen|sobel <side> <reps>
 *   kernels gaussian <side> <reps> <w0> <w1> … <w2R>   (the integer weights, computed by the JavaScript side)
 *   kernels mandelbrot|mandelbrot-scalar <side> <reps>   (8 pixels side by side in vector lanes | one at a time)
 *   kernels sum <n> <reps>
 *
 * Prints one JSON object: {"times":[ms…],"checksum":n}, after one untimed warm-up run.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int clampi(int i, int size) { return i < 0 ? 0 : i >= size ? size - 1 : i; }
static uint32_t luma(uint32_t r, uint32_t g, uint32_t b) { return (77 * r + 150 * g + 29 * b + 128) >> 8; }

/*
 * One RGBA pixel as a little-endian 32-bit word, as the WebAssembly kernels read it: gcc vectorises this loop well,
 * while the byte-wise literal port (four byte loads, four stores a pixel) vectorised into shuffles and ran 3× slower.
 */
static void grayscale(const uint8_t *restrict src8, uint8_t *restrict dst8, int w, int h) {
  size_t n = (size_t)w * h;
  const uint32_t *src = (const uint32_t *)src8;
  uint32_t *dst = (uint32_t *)dst8;
  for (size_t i = 0; i < n; i++) {
    uint32_t v = src[i];
    dst[i] = (v & 0xff000000u) | luma(v & 255, (v >> 8) & 255, (v >> 16) & 255) * 0x010101u;
  }
}

/* Sharpen: 5·centre − the four direct neighbours per colour channel, clamped; alpha kept. Interior columns run
 * without clamping so gcc can vectorise them; the two edge columns clamp. */
static inline void sharpen_pixel(const uint8_t *row, const uint8_t *up, const uint8_t *down, uint8_t *d, int x,
                                 int w) {
  int i = x * 4, l = clampi(x - 1, w) * 4, r = clampi(x + 1, w) * 4;
  for (int c = 0; c < 3; c++) {
    int v = 5 * row[i + c] - up[i + c] - down[i + c] - row[l + c] - row[r + c];
    d[i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  d[i + 3] = row[i + 3];
}

static void sharpen(const uint8_t *src, uint8_t *restrict dst, int w, int h) {
  size_t stride = (size_t)w * 4;
  for (int y = 0; y < h; y++) {
    const uint8_t *row = src + y * stride, *up = src + clampi(y - 1, h) * stride;
    const uint8_t *down = src + clampi(y + 1, h) * stride;
    uint8_t *d = dst + y * stride;
    sharpen_pixel(row, up, down, d, 0, w);
    // Every byte first (a plain loop gcc vectorises), then the alpha bytes put back.
    for (size_t i = 4; i + 4 < stride; i++) {
      int v = 5 * row[i] - up[i] - down[i] - row[i - 4] - row[i + 4];
      d[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
    for (size_t i = 7; i + 4 < stride; i += 4) d[i] = row[i];
    if (w > 1) sharpen_pixel(row, up, down, d, w - 1, w);
  }
}

typedef int32_t v4si __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));

/*
 * As the wasm-simd kernel: one pixel's four channel sums in one vector, clamping only in the r columns at each end,
 * the rounded mean in float (exact here: see workers/kernels/wasm/as/boxSimd.ts). The literal port (a clamp and a
 * division per channel) was a fifth as fast as this.
 */
static void box(const uint8_t *src, uint8_t *dst, int w, int h, int r) {
  int stride = w * 4, area = (2 * r + 1) * (2 * r + 1), half = area >> 1;
  int32_t *col = calloc(stride, sizeof *col);
  const v4si *col4 = (const v4si *)col;
  const v4sf areaf = {area, area, area, area};
  for (int k = -r; k <= r; k++) {
    const uint8_t *row = src + (size_t)clampi(k, h) * stride;
    for (int i = 0; i < stride; i++) col[i] += row[i];
  }
  for (int y = 0; y < h; y++) {
    if (y > 0) {
      const uint8_t *in = src + (size_t)clampi(y + r, h) * stride;
      const uint8_t *out = src + (size_t)clampi(y - 1 - r, h) * stride;
      for (int i = 0; i < stride; i++) col[i] += in[i] - out[i];
    }
    uint8_t *d = dst + (size_t)y * stride;
    v4si s = {half, half, half, half};
    for (int k = -r; k <= r; k++) s += col4[clampi(k, w)];
    int inFrom = r < w ? r : w, inTo = w - r - 1, x = 0;
    for (; x < inFrom; x++) {
      v4si m = __builtin_convertvector(__builtin_convertvector(s, v4sf) / areaf, v4si);
      for (int c = 0; c < 4; c++) d[x * 4 + c] = (uint8_t)m[c];
      s += col4[clampi(x + r + 1, w)] - col4[clampi(x - r, w)];
    }
    for (; x < inTo; x++) {
      v4si m = __builtin_convertvector(__builtin_convertvector(s, v4sf) / areaf, v4si);
      for (int c = 0; c < 4; c++) d[x * 4 + c] = (uint8_t)m[c];
      s += col4[x + r + 1] - col4[x - r];
    }
    for (; x < w; x++) {
      v4si m = __builtin_convertvector(__builtin_convertvector(s, v4sf) / areaf, v4si);
      for (int c = 0; c < 4; c++) d[x * 4 + c] = (uint8_t)m[c];
      s += col4[clampi(x + r + 1, w)] - col4[clampi(x - r, w)];
    }
  }
  free(col);
}

static void gaussian(const uint8_t *src, uint8_t *dst, int w, int h, const int32_t *wt, int r) {
  int stride = w * 4;
  uint16_t *mid = malloc((size_t)stride * h * sizeof *mid);
  int32_t *pad = malloc((size_t)(stride + 8 * r) * sizeof *pad);
  int32_t *acc = malloc((size_t)stride * sizeof *acc);
  for (int y = 0; y < h; y++) {
    const uint8_t *row = src + (size_t)y * stride;
    for (int x = -r; x < w + r; x++)
      for (int c = 0; c < 4; c++) pad[(x + r) * 4 + c] = row[clampi(x, w) * 4 + c];
    for (int i = 0; i < stride; i++) acc[i] = wt[r] * pad[i + r * 4];
    for (int k = 1; k <= r; k++) {
      const int32_t *left = pad + (r - k) * 4, *right = pad + (r + k) * 4;
      for (int i = 0; i < stride; i++) acc[i] += wt[r + k] * (left[i] + right[i]);
    }
    uint16_t *m = mid + (size_t)y * stride;
    for (int i = 0; i < stride; i++) m[i] = (uint16_t)((acc[i] + 8) >> 4);
  }
  for (int y = 0; y < h; y++) {
    const uint16_t *c0 = mid + (size_t)y * stride;
    for (int i = 0; i < stride; i++) acc[i] = wt[r] * c0[i];
    for (int k = 1; k <= r; k++) {
      const uint16_t *up = mid + (size_t)clampi(y - k, h) * stride, *down = mid + (size_t)clampi(y + k, h) * stride;
      for (int i = 0; i < stride; i++) acc[i] += wt[r + k] * (up[i] + down[i]);
    }
    uint8_t *d = dst + (size_t)y * stride;
    for (int i = 0; i < stride; i++) d[i] = (uint8_t)((acc[i] + (1 << 19)) >> 20);
  }
  free(mid);
  free(pad);
  free(acc);
}

static uint32_t sobel_pixel(const uint8_t *up, const uint8_t *mid, const uint8_t *down, int l, int x, int r) {
  int gx = up[r] + 2 * mid[r] + down[r] - up[l] - 2 * mid[l] - down[l];
  int gy = down[l] + 2 * down[x] + down[r] - up[l] - 2 * up[x] - up[r];
  /* √n is never k + ½ for an integer n: floor(√n + ½) is JavaScript's Math.round here. */
  int m = (int)floor(sqrt((double)(gx * gx + gy * gy)) + 0.5);
  return 0xff000000u | (uint32_t)(m > 255 ? 255 : m) * 0x010101u;
}

/*
 * As the wasm-simd kernel: the luma as 32-bit pixel words (see grayscale), the interior columns without clamping in
 * a loop gcc vectorises, the magnitude in float (exact for n ≤ 65 281: see workers/kernels/wasm/as/sobelSimd.ts),
 * the two edge columns as the literal port. The literal port (a double sqrt and clamps per pixel) did not vectorise.
 */
static void sobel(const uint8_t *src, uint8_t *dst, int w, int h) {
  uint8_t *lum = malloc((size_t)w * h);
  const uint32_t *px = (const uint32_t *)src;
  for (size_t p = 0; p < (size_t)w * h; p++) {
    uint32_t v = px[p];
    lum[p] = (uint8_t)luma(v & 255, (v >> 8) & 255, (v >> 16) & 255);
  }
  for (int y = 0; y < h; y++) {
    const uint8_t *up = lum + (size_t)clampi(y - 1, h) * w, *mid = lum + (size_t)y * w,
                  *down = lum + (size_t)clampi(y + 1, h) * w;
    uint32_t *restrict d = (uint32_t *)(dst + (size_t)y * w * 4);
    d[0] = sobel_pixel(up, mid, down, 0, 0, w > 1 ? 1 : 0);
    for (int x = 1; x < w - 1; x++) {
      int gx = up[x + 1] + 2 * mid[x + 1] + down[x + 1] - up[x - 1] - 2 * mid[x - 1] - down[x - 1];
      int gy = down[x - 1] + 2 * down[x] + down[x + 1] - up[x - 1] - 2 * up[x] - up[x + 1];
      int n = gx * gx + gy * gy;
      n = n < 65281 ? n : 65281;
      int m = (int)(sqrtf((float)n) + 0.5f);
      m = m < 255 ? m : 255;
      d[x] = 0xff000000u | (uint32_t)m * 0x010101u;
    }
    if (w > 1) d[w - 1] = sobel_pixel(up, mid, down, w - 2, w - 1, w - 1);
  }
  free(lum);
}

/* One pixel, the JavaScript kernel's loop literally: the tail of a row, and the `mandelbrot-scalar` reference. */
static uint16_t mandelbrot_pixel(double cr, double ci, int max) {
  double zr = 0, zi = 0;
  int n = 0;
  while (n < max) {
    double zr2 = zr * zr, zi2 = zi * zi;
    if (zr2 + zi2 > 4) break;
    zi = 2 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
    n++;
  }
  return (uint16_t)n;
}

static void mandelbrot_scalar(uint16_t *out, int w, int h, double x0, double x1, double y0, double y1, int max) {
  double dx = (x1 - x0) / w, dy = (y1 - y0) / h;
  for (int row = 0; row < h; row++) {
    double ci = y0 + (row + 0.5) * dy;
    for (int col = 0; col < w; col++) out[(size_t)row * w + col] = mandelbrot_pixel(x0 + (col + 0.5) * dx, ci, max);
  }
}

/*
 * The fair native twin of the wasm-simd kernel: one pixel's loop is a chain of dependent multiplies and adds, so a
 * scalar loop waits on latency (gcc does not vectorise a loop with an early exit). Like the SIMD module, run
 * independent pixels side by side in vector lanes (gcc's vector extensions: 2 × 4 doubles, AVX2 width), each lane
 * doing the scalar operations in their order (no FMA: -ffp-contract=off), so the counts are the same.
 */
typedef double v4df __attribute__((vector_size(32)));
typedef int64_t v4di __attribute__((vector_size(32)));

static void mandelbrot(uint16_t *out, int w, int h, double x0, double x1, double y0, double y1, int max) {
  double dx = (x1 - x0) / w, dy = (y1 - y0) / h;
  const v4df four = {4, 4, 4, 4}, two = {2, 2, 2, 2};
  for (int row = 0; row < h; row++) {
    double ci = y0 + (row + 0.5) * dy;
    v4df civ = {ci, ci, ci, ci};
    uint16_t *o = out + (size_t)row * w;
    int col = 0;
    for (; col + 8 <= w; col += 8) {
      v4df cra, crb;
      for (int k = 0; k < 4; k++) {
        cra[k] = x0 + (col + k + 0.5) * dx;
        crb[k] = x0 + (col + 4 + k + 0.5) * dx;
      }
      v4df ra = {0}, ia = {0}, rb = {0}, ib = {0};
      v4di na = {0}, nb = {0}, aa = {-1, -1, -1, -1}, ab = {-1, -1, -1, -1};
      for (int n = 0; n < max; n++) {
        v4df ra2 = ra * ra, ia2 = ia * ia, rb2 = rb * rb, ib2 = ib * ib;
        aa &= ~(v4di)(ra2 + ia2 > four);
        ab &= ~(v4di)(rb2 + ib2 > four);
        v4di any = aa | ab;
        if (!(any[0] | any[1] | any[2] | any[3])) break;
        na -= aa;
        nb -= ab;
        ia = two * ra * ia + civ;
        ra = ra2 - ia2 + cra;
        ib = two * rb * ib + civ;
        rb = rb2 - ib2 + crb;
      }
      for (int k = 0; k < 4; k++) {
        o[col + k] = (uint16_t)na[k];
        o[col + 4 + k] = (uint16_t)nb[k];
      }
    }
    for (; col < w; col++) o[col] = mandelbrot_pixel(x0 + (col + 0.5) * dx, ci, max);
  }
}

static uint32_t sum_squares(uint32_t start, uint32_t end) {
  uint32_t acc = 0;
  for (uint32_t i = start; i < end; i++) acc += i * i;
  return acc;
}

static uint32_t fnv1a(const uint8_t *p, size_t n) {
  uint32_t hash = 0x811c9dc5u;
  for (size_t i = 0; i < n; i++) hash = (hash ^ p[i]) * 0x01000193u;
  return hash;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: kernels <kernel> <side|n> <reps> [weights…]\n");
    return 2;
  }
  const char *kernel = argv[1];
  long size = atol(argv[2]);
  int reps = atoi(argv[3]);
  int w = (int)size, h = (int)size;
  size_t bytes = strcmp(kernel, "sum") == 0 ? 0 : (size_t)w * h * 4;
  uint8_t *src = malloc(bytes ? bytes : 1), *dst = malloc(bytes ? bytes : 1);
  /* The benchmark's picture (bench/suites/kernels.ts): a hash of the byte index. */
  for (size_t i = 0; i < bytes; i++) src[i] = (uint8_t)(((uint32_t)i * 0x9e3779b1u) >> 24);
  int r = (argc - 4 - 1) / 2;
  int32_t *wt = malloc(sizeof *wt * (argc > 4 ? argc - 4 : 1));
  for (int i = 4; i < argc; i++) wt[i - 4] = atoi(argv[i]);
  uint16_t *counts = strncmp(kernel, "mandelbrot", 10) == 0 ? malloc((size_t)w * h * 2) : NULL;
  uint32_t total = 0;
  printf("{\"times\":[");
  for (int rep = 0; rep <= reps; rep++) {
    double t0 = now_ms();
    if (!strcmp(kernel, "grayscale")) grayscale(src, dst, w, h);
    else if (!strcmp(kernel, "box")) box(src, dst, w, h, 3);
    else if (!strcmp(kernel, "gaussian")) gaussian(src, dst, w, h, wt, r);
    else if (!strcmp(kernel, "sharpen")) sharpen(src, dst, w, h);
    else if (!strcmp(kernel, "sobel")) sobel(src, dst, w, h);
    else if (!strcmp(kernel, "mandelbrot")) mandelbrot(counts, w, h, -2.2, 0.8, -1.5, 1, 1000);
    else if (!strcmp(kernel, "mandelbrot-scalar")) mandelbrot_scalar(counts, w, h, -2.2, 0.8, -1.5, 1, 1000);
    else if (!strcmp(kernel, "sum")) total = sum_squares(0, (uint32_t)size);
    else {
      fprintf(stderr, "unknown kernel %s\n", kernel);
      return 2;
    }
    double ms = now_ms() - t0;
    if (rep > 0) printf("%s%.3f", rep > 1 ? "," : "", ms);
  }
  uint32_t checksum = counts ? fnv1a((const uint8_t *)counts, (size_t)w * h * 2)
                      : bytes ? fnv1a(dst, bytes)
                              : total;
  printf("],\"checksum\":%u}\n", checksum);
  return 0;
}

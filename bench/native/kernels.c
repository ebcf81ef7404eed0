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
 *   kernels -t <threads> -b <bands per thread> <filter> <side> <reps> [weights…]
 *
 * Prints one JSON object: {"times":[ms…],"checksum":n}, after one untimed warm-up run. With -t, a filter runs as
 * the pool's shared mode does (bench/suites/kernelScaling.ts): the picture cut into threads × bands row bands
 * (src/image/bands.ts), which the threads claim one at a time from a shared counter (workers/kernels/image/shared.ts
 * runSharedBands), each band reading its halo rows from the whole picture, the Gaussian's threads meeting at a barrier between its passes,
 * its scratch picture kept between runs. Those runs take turns with whole-picture runs on one thread (`times1`), on
 * the same buffers, so that a drift of the machine's load hits both sides of the ratio; the two outputs must be
 * equal byte for byte.
 */
#include <math.h>
#include <pthread.h>
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
static void grayscale(const uint8_t *restrict src8, uint8_t *restrict dst8, int w, int y0, int y1) {
  size_t n = (size_t)w * y1;
  const uint32_t *src = (const uint32_t *)src8;
  uint32_t *dst = (uint32_t *)dst8;
  for (size_t i = (size_t)w * y0; i < n; i++) {
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

static void sharpen(const uint8_t *src, uint8_t *restrict dst, int w, int h, int y0, int y1) {
  size_t stride = (size_t)w * 4;
  for (int y = y0; y < y1; y++) {
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
static void box(const uint8_t *src, uint8_t *dst, int w, int h, int r, int y0, int y1) {
  int stride = w * 4, area = (2 * r + 1) * (2 * r + 1), half = area >> 1;
  int32_t *col = calloc(stride, sizeof *col);
  const v4si *col4 = (const v4si *)col;
  const v4sf areaf = {area, area, area, area};
  for (int k = y0 - r; k <= y0 + r; k++) {
    const uint8_t *row = src + (size_t)clampi(k, h) * stride;
    for (int i = 0; i < stride; i++) col[i] += row[i];
  }
  for (int y = y0; y < y1; y++) {
    if (y > y0) {
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

/* The Gaussian's two passes over rows [y0, y1), through the 16-bit picture `mid`: horizontal, then vertical. */
static void gaussian_horizontal(const uint8_t *src, uint16_t *mid, int w, const int32_t *wt, int r, int y0, int y1) {
  int stride = w * 4;
  int32_t *pad = malloc((size_t)(stride + 8 * r) * sizeof *pad);
  int32_t *acc = malloc((size_t)stride * sizeof *acc);
  for (int y = y0; y < y1; y++) {
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
  free(pad);
  free(acc);
}

static void gaussian_vertical(const uint16_t *mid, uint8_t *dst, int w, int h, const int32_t *wt, int r, int y0,
                              int y1) {
  int stride = w * 4;
  int32_t *acc = malloc((size_t)stride * sizeof *acc);
  for (int y = y0; y < y1; y++) {
    const uint16_t *c0 = mid + (size_t)y * stride;
    for (int i = 0; i < stride; i++) acc[i] = wt[r] * c0[i];
    for (int k = 1; k <= r; k++) {
      const uint16_t *up = mid + (size_t)clampi(y - k, h) * stride, *down = mid + (size_t)clampi(y + k, h) * stride;
      for (int i = 0; i < stride; i++) acc[i] += wt[r + k] * (up[i] + down[i]);
    }
    uint8_t *d = dst + (size_t)y * stride;
    for (int i = 0; i < stride; i++) d[i] = (uint8_t)((acc[i] + (1 << 19)) >> 20);
  }
  free(acc);
}

static void gaussian(const uint8_t *src, uint8_t *dst, int w, int h, const int32_t *wt, int r) {
  uint16_t *mid = malloc((size_t)w * 4 * h * sizeof *mid);
  gaussian_horizontal(src, mid, w, wt, r, 0, h);
  gaussian_vertical(mid, dst, w, h, wt, r, 0, h);
  free(mid);
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
static void sobel(const uint8_t *src, uint8_t *dst, int w, int h, int y0, int y1) {
  /* The luma of rows [top, bottom): the band and its halo row on each side that the picture has. */
  int top = y0 > 0 ? y0 - 1 : 0, bottom = y1 < h ? y1 + 1 : h;
  uint8_t *lum = malloc((size_t)w * (bottom - top));
  const uint32_t *px = (const uint32_t *)src + (size_t)top * w;
  for (size_t p = 0; p < (size_t)w * (bottom - top); p++) {
    uint32_t v = px[p];
    lum[p] = (uint8_t)luma(v & 255, (v >> 8) & 255, (v >> 16) & 255);
  }
  for (int y = y0; y < y1; y++) {
    const uint8_t *up = lum + (size_t)(clampi(y - 1, h) - top) * w, *mid = lum + (size_t)(y - top) * w,
                  *down = lum + (size_t)(clampi(y + 1, h) - top) * w;
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

/* A filter's run over one picture: the buffers and the Gaussian's weights (wt[0..2r]) and scratch picture. */
struct filter_job {
  const char *kernel;
  const uint8_t *src;
  uint8_t *dst;
  uint16_t *mid;
  const int32_t *wt;
  int w, h, r;
};

static int is_filter(const char *kernel) {
  return !strcmp(kernel, "grayscale") || !strcmp(kernel, "box") || !strcmp(kernel, "gaussian") ||
         !strcmp(kernel, "sharpen") || !strcmp(kernel, "sobel");
}

static int passes(const struct filter_job *job) { return strcmp(job->kernel, "gaussian") ? 1 : 2; }

/* Pass `pass` of the filter over rows [y0, y1): every filter has pass 0, the Gaussian a vertical pass 1. */
static void filter_pass(const struct filter_job *j, int pass, int y0, int y1) {
  if (!strcmp(j->kernel, "grayscale")) grayscale(j->src, j->dst, j->w, y0, y1);
  else if (!strcmp(j->kernel, "box")) box(j->src, j->dst, j->w, j->h, 3, y0, y1);
  else if (!strcmp(j->kernel, "sharpen")) sharpen(j->src, j->dst, j->w, j->h, y0, y1);
  else if (!strcmp(j->kernel, "sobel")) sobel(j->src, j->dst, j->w, j->h, y0, y1);
  else if (pass == 0) gaussian_horizontal(j->src, j->mid, j->w, j->wt, j->r, y0, y1);
  else gaussian_vertical(j->mid, j->dst, j->w, j->h, j->wt, j->r, y0, y1);
}

/* One thread's share, as a pool worker's in shared mode (workers/kernels/image/shared.ts runSharedBands): in each
 * pass it claims the next band from a counter shared by the threads until none is left. */
struct share {
  const struct filter_job *job;
  pthread_barrier_t *barrier;
  int *next_band; /* one counter per pass */
  int bands;
};

static void *run_share(void *arg) {
  const struct share *s = arg;
  int h = s->job->h, bands = s->bands < h ? s->bands : h;
  for (int pass = 0; pass < passes(s->job); pass++) {
    if (pass > 0) pthread_barrier_wait(s->barrier);
    for (int b; (b = __atomic_fetch_add(&s->next_band[pass], 1, __ATOMIC_RELAXED)) < bands;) {
      /* src/tasks/split.ts's splitRange: band b is rows [⌊h·b/bands⌋, ⌊h·(b+1)/bands⌋). */
      filter_pass(s->job, pass, (int)((long long)h * b / bands), (int)((long long)h * (b + 1) / bands));
    }
  }
  return NULL;
}

/* A run on `threads` threads (this one and threads − 1 started for it, as a pool's workers are woken), timed whole. */
static double run_threaded(const struct filter_job *job, int threads, int bands_per_thread) {
  pthread_t ids[64];
  pthread_barrier_t barrier;
  pthread_barrier_init(&barrier, NULL, (unsigned)threads);
  int next_band[2] = {0, 0};
  const struct share share = {job, &barrier, next_band, threads * bands_per_thread};
  double t0 = now_ms();
  for (int t = 1; t < threads; t++) pthread_create(&ids[t], NULL, run_share, (void *)&share);
  run_share((void *)&share);
  for (int t = 1; t < threads; t++) pthread_join(ids[t], NULL);
  double ms = now_ms() - t0;
  pthread_barrier_destroy(&barrier);
  return ms;
}

/* The run on one thread, the whole picture as one band (the `native` row's kernel, on the kept scratch). */
static double run_whole(const struct filter_job *job) {
  double t0 = now_ms();
  for (int pass = 0; pass < passes(job); pass++) filter_pass(job, pass, 0, job->h);
  return now_ms() - t0;
}

/* -t: `threads` threads taking turns with one, the 1-thread output kept apart and compared. */
static int scaling(const struct filter_job *job, int threads, int bands_per_thread, int reps, size_t bytes) {
  uint8_t *one = malloc(bytes);
  struct filter_job single = *job;
  single.dst = one;
  memset(one, 0, bytes);
  memset(job->dst, 0, bytes);
  double *times = malloc(sizeof *times * (reps + 1)), *times1 = malloc(sizeof *times1 * (reps + 1));
  for (int rep = 0; rep <= reps; rep++) {
    /* Each side goes first every other round. */
    if (rep % 2) times[rep] = run_threaded(job, threads, bands_per_thread);
    times1[rep] = run_whole(&single);
    if (!(rep % 2)) times[rep] = run_threaded(job, threads, bands_per_thread);
  }
  if (memcmp(one, job->dst, bytes)) {
    fprintf(stderr, "%s: the %d-thread output differs from the 1-thread output\n", job->kernel, threads);
    return 1;
  }
  printf("{\"times\":[");
  for (int rep = 1; rep <= reps; rep++) printf("%s%.3f", rep > 1 ? "," : "", times[rep]);
  printf("],\"times1\":[");
  for (int rep = 1; rep <= reps; rep++) printf("%s%.3f", rep > 1 ? "," : "", times1[rep]);
  printf("],\"checksum\":%u}\n", fnv1a(job->dst, bytes));
  return 0;
}

int main(int argc, char **argv) {
  int threads = 0, bands_per_thread = 1;
  while (argc > 2 && (!strcmp(argv[1], "-t") || !strcmp(argv[1], "-b"))) {
    *(argv[1][1] == 't' ? &threads : &bands_per_thread) = atoi(argv[2]);
    argc -= 2;
    argv += 2;
  }
  if (argc < 4 || threads < 0 || threads > 64 || bands_per_thread < 1 || (threads && !is_filter(argv[1]))) {
    fprintf(stderr, "usage: kernels [-t <threads ≤ 64> -b <bands per thread>] <kernel> <side|n> <reps> [weights…]\n");
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
  if (threads) {
    struct filter_job job = {kernel, src, dst, malloc(bytes * 2), wt, w, h, r};
    return scaling(&job, threads, bands_per_thread, reps, bytes);
  }
  uint32_t total = 0;
  printf("{\"times\":[");
  for (int rep = 0; rep <= reps; rep++) {
    double t0 = now_ms();
    if (!strcmp(kernel, "grayscale")) grayscale(src, dst, w, 0, h);
    else if (!strcmp(kernel, "box")) box(src, dst, w, h, 3, 0, h);
    else if (!strcmp(kernel, "gaussian")) gaussian(src, dst, w, h, wt, r);
    else if (!strcmp(kernel, "sharpen")) sharpen(src, dst, w, h, 0, h);
    else if (!strcmp(kernel, "sobel")) sobel(src, dst, w, h, 0, h);
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

# numpy, concurrent.futures
#
# numpy gives Python both gains at once. Its loops are compiled C, many of them vectorised with SIMD
# instructions: a faster kernel than a Python loop, as WebAssembly SIMD is than JavaScript here. And most of its
# operations release the GIL while they run, so threads working on separate slices of an array use separate
# cores: more cores. A pure-Python loop gets neither, as threads take turns under the GIL.

import numpy as np
from concurrent.futures import ThreadPoolExecutor

x = np.arange(n, dtype=np.uint32)

def part(bounds):                            # one chunk
    a, b = bounds
    s = x[a:b]
    return int((s * s).sum(dtype=np.uint32))  # compiled, vectorised: the faster kernel

# numpy releases the GIL inside its loops: the threads run on separate cores
with ThreadPoolExecutor(max_workers=2) as pool:      # createPool({ size: 2 })
    total = sum(pool.map(part, ranges)) % 2**32

# The slow kernel, for comparison: a Python loop, one core whatever the threads
total = sum(i * i for i in range(n)) % 2**32

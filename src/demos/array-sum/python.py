# multiprocessing.shared_memory, numpy
#
# Summing an array is one add per number: sending the array to worker processes (pickled, like structured
# cloning in copy mode) can take longer than the sum itself. Shared memory gives every process the same bytes,
# like SharedArrayBuffer, so only the bounds of each slice travel; each process sums its own slice.

import numpy as np
from multiprocessing import Pool, shared_memory

def part_sum(args):
    name, n, start, stop = args
    shm = shared_memory.SharedMemory(name=name)            # the same bytes, no copy
    total = float(np.ndarray((n,), np.float64, buffer=shm.buf)[start:stop].sum())
    shm.close()
    return total

shm = shared_memory.SharedMemory(create=True, size=values.nbytes)
np.ndarray(values.shape, np.float64, buffer=shm.buf)[:] = values
with Pool(4) as pool:                                        # createPool({ size: 4 })
    total = sum(pool.map(part_sum, [(shm.name, len(values), a, b) for a, b in ranges]))

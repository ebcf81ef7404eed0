# multiprocessing (pickling), multiprocessing.shared_memory
#
# Every call to a process pool pickles its arguments, sends them through a pipe and unpickles the result: a
# fixed cost per message plus a cost per byte. Workers pay the same: a round trip per chunk, a structured clone
# per byte unless the buffer is transferred or shared. Chunks must carry enough work to pay for their trip — the
# chunksize argument of Pool.map exists for exactly that.

import time
from multiprocessing import Pool

with Pool(4) as pool:
    for chunksize in (1, 16, 256, 4096):
        start = time.perf_counter()
        pool.map(square, range(1_000_000), chunksize=chunksize)   # fewer, bigger messages
        print(chunksize, time.perf_counter() - start)

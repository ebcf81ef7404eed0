# concurrent.futures, multiprocessing
#
# CPU-bound work only gets faster in Python with processes: threads share one interpreter lock (the GIL) and
# take turns. A web worker is closer to a process than to a Python thread: its own heap, its own event loop, and
# it runs on its own core. Speedup and efficiency are measured the same way, and Amdahl’s law bounds both.

from concurrent.futures import ProcessPoolExecutor

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

with ProcessPoolExecutor(max_workers=4) as pool:   # createPool({ size: 4 })
    results = list(pool.map(fib, [30] * 16))        # pool.map(jobs)

# asyncio, threading, multiprocessing
#
# Async is not parallel. asyncio runs every coroutine on one thread, and a promise’s body runs on the page’s one
# thread: CPU-bound work takes as long as running it in a loop. Python threads do no better for CPU work because
# of the GIL: only one thread at a time runs Python bytecode (Python glossary, “global interpreter lock”,
# docs.python.org/3/glossary.html), so two threads doing CPU work take about as long as one. Processes, like
# workers, divide it.

import asyncio
from multiprocessing import Pool

async def fib_async(n):
    return fib(n)                       # no await inside: it never lets go of the thread

async def main():
    await asyncio.gather(*(fib_async(30) for _ in range(4)))   # as slow as a loop

asyncio.run(main())
with Pool(4) as pool:
    pool.map(fib, [30] * 4)                                  # divided by the cores

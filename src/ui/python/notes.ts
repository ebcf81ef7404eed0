/**
 * The Python side of every demo, keyed by the demo's id in DEMOS: a short explanation of the same idea in Python and
 * the equivalent Python code. Each demo shows its own note (<PythonNote demo="…" />); the Python section lists all.
 * Plain text only: rendered as text, never as HTML.
 */
export interface PythonNote {
  /** The Python modules the note uses, for the heading. */
  modules: string;
  explanation: string;
  code: string;
}

export const PYTHON_NOTES: Record<string, PythonNote> = {
  speedup: {
    modules: 'concurrent.futures, multiprocessing',
    explanation:
      'CPU-bound work only gets faster in Python with processes: threads share one interpreter lock (the GIL) and ' +
      'take turns. A web worker is closer to a process than to a Python thread: its own heap, its own event loop, ' +
      'and it runs on its own core. Speedup and efficiency are measured the same way, and Amdahl’s law bounds both.',
    code: `from concurrent.futures import ProcessPoolExecutor

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

with ProcessPoolExecutor(max_workers=4) as pool:   # createPool({ size: 4 })
    results = list(pool.map(fib, [30] * 16))        # pool.map(jobs)`,
  },
  image: {
    modules: 'multiprocessing.shared_memory',
    explanation:
      'Sending a picture to a process pickles it: every band is copied there and back, like structured cloning in ' +
      'copy mode. Transfer hands the buffer over without copying, and the sender loses it. Shared memory lets every ' +
      'process see the same bytes, like SharedArrayBuffer: no copy, but each worker must keep to its own band.',
    code: `import numpy as np
from multiprocessing import Pool, shared_memory

def blur_band(args):
    name, shape, top, bottom = args
    shm = shared_memory.SharedMemory(name=name)       # the same bytes, no copy
    image = np.ndarray(shape, dtype=np.uint8, buffer=shm.buf)
    ...                                               # filter rows top..bottom in place
    shm.close()

shm = shared_memory.SharedMemory(create=True, size=image.nbytes)
with Pool(4) as pool:
    pool.map(blur_band, [(shm.name, image.shape, t, b) for t, b in bands])`,
  },
  scheduling: {
    modules: 'queue, threading, multiprocessing (chunksize)',
    explanation:
      'Uneven work needs a schedule. Static blocks are Pool.map with a large chunksize: decided up front, and one ' +
      'slow block keeps everyone waiting. A shared queue that idle workers pull from (queue.Queue with worker ' +
      'threads, or imap_unordered with chunksize=1) balances the load at the price of more messages.',
    code: `import queue, threading

tasks = queue.Queue()
for chunk in chunks:
    tasks.put(chunk)

def worker():
    while True:
        try:
            chunk = tasks.get_nowait()     # a dynamic schedule: take the next chunk when idle
        except queue.Empty:
            return
        compute(chunk)
        tasks.task_done()

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads: t.start()
tasks.join()`,
  },
  fetch: {
    modules: 'asyncio, concurrent.futures.ThreadPoolExecutor',
    explanation:
      'Waiting is not computing: many slow requests can overlap on one thread, because the thread is idle while ' +
      'it waits. asyncio.gather is Promise.all; a semaphore caps how many are in flight at once, like the ' +
      '"at most k" strategy. For I/O, Python threads help too: the GIL is released while a thread waits.',
    code: `import asyncio

async def fetch_all(urls, k=4):
    limit = asyncio.Semaphore(k)               # at most k requests at a time
    async def one(url):
        async with limit:
            return await fetch(url)            # await fetch(url)
    return await asyncio.gather(*map(one, urls))   # Promise.all`,
  },
  races: {
    modules: 'threading.Lock, multiprocessing.Value',
    explanation:
      'counter += 1 is three steps (read, add, write); two threads can read the same value and one increment is ' +
      'lost. Python’s GIL makes the loss rarer, not impossible. A lock makes the three steps one, at a cost; an ' +
      'atomic add does it in hardware (Python has none in the standard library; multiprocessing.Value carries a ' +
      'lock). The fastest is to share nothing: count privately and merge once, like map-reduce.',
    code: `import threading

counter = 0
lock = threading.Lock()

def plain(m):
    global counter
    for _ in range(m):
        counter += 1          # read, add, write: updates can be lost

def locked(m):
    global counter
    for _ in range(m):
        with lock:            # Atomics.compareExchange + Atomics.wait/notify
            counter += 1

def private(m):
    return m                  # count locally; sum(results) merges once`,
  },
  async: {
    modules: 'asyncio, threading, multiprocessing',
    explanation:
      'Async is not parallel. asyncio runs every coroutine on one thread, and a promise’s body runs on the page’s ' +
      'one thread: CPU-bound work takes as long as running it in a loop. Python threads do no better for CPU work ' +
      'because of the GIL — in the talk’s example, two threads took 7.65 s against 7.63 s for one. Processes, like ' +
      'workers, divide it.',
    code: `import asyncio
from multiprocessing import Pool

async def fib_async(n):
    return fib(n)                       # no await inside: it never lets go of the thread

async def main():
    await asyncio.gather(*(fib_async(30) for _ in range(4)))   # as slow as a loop

asyncio.run(main())
with Pool(4) as pool:
    pool.map(fib, [30] * 4)                                  # divided by the cores`,
  },
  frozen: {
    modules: 'asyncio (blocking the event loop), tkinter',
    explanation:
      'A page has one thread for script, layout and painting, like a GUI’s main loop or asyncio’s event loop. ' +
      'A long computation there blocks everything else: no frames, no clicks, no timers. Python’s advice is the ' +
      'same as the web’s: move the work off the loop, with run_in_executor (a process pool for CPU work) or workers.',
    code: `import asyncio
from concurrent.futures import ProcessPoolExecutor

async def main():
    loop = asyncio.get_running_loop()
    fib(35)                                       # blocks the loop: every other task freezes
    with ProcessPoolExecutor() as pool:
        await loop.run_in_executor(pool, fib, 35)   # the loop keeps running meanwhile`,
  },
  messages: {
    modules: 'multiprocessing (pickling), multiprocessing.shared_memory',
    explanation:
      'Every call to a process pool pickles its arguments, sends them through a pipe and unpickles the result: a ' +
      'fixed cost per message plus a cost per byte. Workers pay the same: a round trip per chunk, a structured ' +
      'clone per byte unless the buffer is transferred or shared. Chunks must carry enough work to pay for their ' +
      'trip — the chunksize argument of Pool.map exists for exactly that.',
    code: `import time
from multiprocessing import Pool

with Pool(4) as pool:
    for chunksize in (1, 16, 256, 4096):
        start = time.perf_counter()
        pool.map(square, range(1_000_000), chunksize=chunksize)   # fewer, bigger messages
        print(chunksize, time.perf_counter() - start)`,
  },
  machine: {
    modules: 'os, time',
    explanation:
      'os.cpu_count() reports logical cores, which is not how many run your work at full speed: hyper-threads ' +
      'share a core, and containers or browsers may limit what you get. Measure where the speedup stops. ' +
      'time.perf_counter_ns() resolves nanoseconds; a browser coarsens its clock against timing attacks.',
    code: `import os, time

print(os.cpu_count(), len(os.sched_getaffinity(0)))   # reported vs usable here
print(time.get_clock_info('perf_counter').resolution)`,
  },
};

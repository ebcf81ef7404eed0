# queue, threading, multiprocessing (chunksize)
#
# Uneven work needs a schedule. Static blocks are Pool.map with a large chunksize: decided up front, and one
# slow block keeps everyone waiting. A shared queue that idle workers pull from (queue.Queue with worker
# threads, or imap_unordered with chunksize=1) balances the load at the price of more messages.

import queue, threading

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
tasks.join()

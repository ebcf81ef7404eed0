# queue, multiprocessing.JoinableQueue, asyncio (and Go channels)
#
# The talks build almost everything on a queue feeding workers. Here the queue lives in a SharedArrayBuffer and
# the workers sleep in Atomics.wait, as threads sleep in queue.Queue.get. JoinableQueue’s task_done/join, one
# None sentinel per consumer, a bounded queue for backpressure, and Go’s channels (capacity 0 is a rendezvous;
# close ends every range loop) are the same primitive. The message-passing queue is Go’s proverb the other way
# round: share memory by communicating. The crawler stops when the frontier is empty and nothing is in flight —
# the join — not when the frontier is momentarily empty.

import multiprocessing as mp

def consumer(q):
    while (item := q.get()) is not None:     # get blocks while empty
        handle(item)
        q.task_done()
    q.task_done()                            # the sentinel counts too

q = mp.JoinableQueue(maxsize=8)               # put blocks while full
workers = [mp.Process(target=consumer, args=(q,)) for _ in range(2)]
for w in workers: w.start()
for item in produce(): q.put(item)
q.join()                                     # every item marked done
for _ in workers: q.put(None)                # one sentinel per consumer

# Go: ch := make(chan int)    // unbuffered: the sender waits for a receiver
#     go func() { for i := range n { ch <- i }; close(ch) }()
#     for v := range ch { sum += v }          // ends when ch is closed and drained

# The crawler, asyncio: stop on join, not on "frontier empty"
async def crawl(start, k):
    frontier, seen = asyncio.Queue(), {start}
    await frontier.put(start)
    async def fetcher():
        while True:
            url = await frontier.get()
            for link in await fetch_links(url):
                if link not in seen:
                    seen.add(link); await frontier.put(link)
            frontier.task_done()
    tasks = [asyncio.create_task(fetcher()) for _ in range(k)]
    await frontier.join()                    # empty AND nothing in flight
    for t in tasks: t.cancel()

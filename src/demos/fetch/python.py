# asyncio, concurrent.futures.ThreadPoolExecutor
#
# Waiting is not computing: many slow requests can overlap on one thread, because the thread is idle while it
# waits. asyncio.gather is Promise.all; a semaphore caps how many are in flight at once, like the "at most k"
# strategy. For I/O, Python threads help too: the GIL is released while a thread waits.

import asyncio

async def fetch_all(urls, k=4):
    limit = asyncio.Semaphore(k)               # at most k requests at a time
    async def one(url):
        async with limit:
            return await fetch(url)            # await fetch(url)
    return await asyncio.gather(*map(one, urls))   # Promise.all

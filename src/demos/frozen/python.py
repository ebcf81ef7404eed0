# asyncio (blocking the event loop), tkinter
#
# A page has one thread for script, layout and painting, like a GUI’s main loop or asyncio’s event loop. A long
# computation there blocks everything else: no frames, no clicks, no timers. Python’s advice is the same as the
# web’s: move the work off the loop, with run_in_executor (a process pool for CPU work) or workers.

import asyncio
from concurrent.futures import ProcessPoolExecutor

async def main():
    loop = asyncio.get_running_loop()
    fib(35)                                       # blocks the loop: every other task freezes
    with ProcessPoolExecutor() as pool:
        await loop.run_in_executor(pool, fib, 35)   # the loop keeps running meanwhile

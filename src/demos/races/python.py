# threading.Lock, multiprocessing.Value
#
# counter += 1 is three steps (read, add, write); two threads can read the same value and one increment is lost.
# Python’s GIL makes the loss rarer, not impossible. A lock makes the three steps one, at a cost; an atomic add
# does it in hardware (Python has none in the standard library; multiprocessing.Value carries a lock). The
# fastest is to share nothing: count privately and merge once, like map-reduce.

import threading

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
    return m                  # count locally; sum(results) merges once

/** The web's three ways to do several things at once, compared the way the Python talks compare theirs. */
export interface WebWay {
  way: string;
  python: string;
  scheduling: string;
  cores: string;
  scale: string;
  blocking: string;
  whenToUse: string;
}

export const WEB_WAYS: readonly WebWay[] = [
  {
    way: 'Main-thread async (promises, async/await)',
    python: 'asyncio',
    scheduling: 'Cooperative: a task runs until it awaits; the event loop picks the next',
    cores: 'No: one thread, one core',
    scale: 'Thousands of waiting tasks, cheaply',
    blocking: 'A long computation or blocking call freezes the page and every other task',
    whenToUse: 'Waiting for I/O: fetch, timers, user events',
  },
  {
    way: 'Workers with messages (postMessage, comlink, a pool)',
    python: 'multiprocessing, ProcessPoolExecutor',
    scheduling: 'Preemptive: the operating system runs each worker on a core',
    cores: 'Yes, up to the cores',
    scale: 'A few per core; spawn and each message cost time, data is copied or transferred',
    blocking: 'Allowed: only the worker waits, the page stays live',
    whenToUse: 'CPU-bound work in chunks that each carry much more work than a message costs',
  },
  {
    way: 'Workers with shared memory (SharedArrayBuffer, Atomics)',
    python: 'threading with locks, multiprocessing.shared_memory',
    scheduling: 'Preemptive, and workers touch the same bytes at the same time',
    cores: 'Yes, up to the cores',
    scale: 'As workers; no copy, but contention on shared words serialises them',
    blocking: 'Atomics.wait in workers only (the page may not block); needs cross-origin isolation',
    whenToUse: 'Large data read by many workers, or fine-grained coordination; avoid sharing hot counters',
  },
];

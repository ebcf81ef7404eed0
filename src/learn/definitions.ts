/**
 * The glossary's definitions, by term (src/learn/glossary.ts): their own chunk, which the page loads once it is usable
 * (`definitionOf` in src/learn/definitionOf.svelte.ts). A term's word is all a sentence needs to render.
 */
import type { TermId } from './glossary';

export const DEFINITIONS: Readonly<Record<TermId, string>> = {
  worker:
    'A script running on its own thread beside the page, with its own memory. It talks to the page by messages; the operating system can run it on another core.',
  'main-thread':
    'The page’s one thread for scripts, layout and painting. Long work on it freezes the page until it is done.',
  'cpu-bound': 'Work limited by computing, not by waiting: it only gets faster with more cores working on it.',
  speedup:
    'How many times faster a run is than the same work on one worker: the 1-worker time divided by the time with p workers. Ideally p; below 1 it is a slowdown.',
  efficiency:
    'Speedup divided by the number of workers: 1.0 means every worker was fully used, 0.5 that half their time was lost to waiting or overhead.',
  amdahl:
    'If a fraction f of the work can run in parallel, p workers give at most 1 ÷ ((1 − f) + f ÷ p) times the speed: the serial part sets a ceiling, however many workers are added.',
  gustafson:
    'The other view of Amdahl’s law: grow the problem with the workers, and the parallel part grows while the serial part stays, so the speedup keeps rising.',
  oversubscription:
    'More busy workers than cores: they take turns on the cores, so adding them past that point only adds switching and memory, not speed.',
  'warm-up':
    'An untimed first run, so that starting workers, loading code and the JavaScript compiler’s optimisation do not count in the timed runs.',
  chunk:
    'One piece of the work handed to a worker at a time. Small chunks balance uneven work but pay the message cost more often.',
  granularity: 'How big each piece of parallel work is compared with the cost of handing it out.',
  schedule:
    'Who gets which chunk: static (fixed blocks decided up front), cyclic (dealt in turn like cards) or dynamic (each idle worker takes the next chunk from a queue).',
  'structured-clone':
    'How postMessage copies data to a worker: the whole value is copied, byte by byte, so a big payload costs time in proportion to its size (like Python’s pickling).',
  transfer:
    'Handing an ArrayBuffer to a worker without copying it: the sender’s copy becomes empty and the receiver owns the memory, whatever its size.',
  'shared-array-buffer':
    'Memory that several workers see at once: a write by one is visible to the others, with no message. It needs cross-origin isolation, and Atomics to be used safely.',
  atomics:
    'Operations on shared memory that happen as one indivisible step (add, compare-and-exchange), and wait/notify to let a worker sleep until another wakes it.',
  race: 'A result that depends on the timing between threads: two workers read the same value, both add 1 and write back, and one update is lost.',
  'lost-update': 'An increment overwritten by another worker’s write that did not see it: the symptom of a race.',
  lock: 'A flag only one worker can hold at a time; the others wait for it. It makes a read-modify-write safe, at the cost of taking turns.',
  'false-sharing':
    'Workers writing different words that sit on the same cache line: the cores pass the whole line back and forth, and run far slower though they share nothing.',
  gil: 'CPython’s global interpreter lock: only one thread runs Python code at a time, so threads do not speed up CPU-bound Python; processes do.',
  'cross-origin-isolation':
    'A page state set by two response headers (COOP and COEP) that keeps other sites’ content out of the page’s process; browsers allow SharedArrayBuffer only then.',
  halo: 'The extra rows around a band that a neighbourhood filter (blur, edges) reads: each worker needs its neighbours’ border rows to filter its own edge pixels.',
  clamp:
    'At a picture’s edge, read the outermost pixel again instead of one beyond the border; in general, to hold a value within bounds.',
  latency: 'How long one request waits for its answer. Waiting costs no computing, so many waits can overlap.',
  backpressure: 'A full queue making its producer wait, so a fast producer cannot run ahead of a slow consumer.',
  sentinel:
    'A special item put in a queue to mean “no more work”: each consumer that takes one stops (Python’s None in a queue.Queue).',
  broker:
    'The one place that holds the job queue and hands jobs to the machines that ask, keeping track of who has which.',
  lease:
    'A job lent to a machine for a limited time: if the machine does not finish or renew it in time, the broker gives the job to another.',
  kernel:
    'The small function that does the actual computing on one chunk (a sum over a range, a blur of a band). A faster kernel speeds up every worker that runs it.',
  simd: 'Single instruction, multiple data: one instruction works on several numbers at once (four 32-bit ones in WebAssembly’s 128-bit lanes), inside one core.',
};

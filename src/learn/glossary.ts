/**
 * The glossary: every term of art the page uses, defined once, in a sentence or two a newcomer can read. `<Term>`
 * shows a definition where a term is used, the Glossary section lists them all, and lesson lines mark the terms
 * they contain (`markTerms`). tests/unit/glossary.test.ts checks every term the UI names is here.
 */
export interface GlossaryEntry {
  /** The term as a heading writes it. */
  term: string;
  definition: string;
  /** Other forms the term takes in running text ("oversubscribed", "Amdahl’s law"), matched like the term. */
  forms?: readonly string[];
}

export const GLOSSARY = {
  worker: {
    term: 'Web worker',
    forms: ['web workers'],
    definition:
      'A script running on its own thread beside the page, with its own memory. It talks to the page by messages; ' +
      'the operating system can run it on another core.',
  },
  'main-thread': {
    term: 'Main thread',
    definition:
      'The page’s one thread for scripts, layout and painting. Long work on it freezes the page until it is done.',
  },
  'cpu-bound': {
    term: 'CPU-bound',
    definition: 'Work limited by computing, not by waiting: it only gets faster with more cores working on it.',
  },
  speedup: {
    term: 'Speedup',
    definition:
      'How many times faster a run is than the same work on one worker: the 1-worker time divided by the time with ' +
      'p workers. Ideally p; below 1 it is a slowdown.',
  },
  efficiency: {
    term: 'Efficiency',
    definition:
      'Speedup divided by the number of workers: 1.0 means every worker was fully used, 0.5 that half their time ' +
      'was lost to waiting or overhead.',
  },
  amdahl: {
    term: 'Amdahl’s law',
    forms: ['Amdahl’s law', "Amdahl's law", 'Amdahl'],
    definition:
      'If a fraction f of the work can run in parallel, p workers give at most 1 ÷ ((1 − f) + f ÷ p) times the ' +
      'speed: the serial part sets a ceiling, however many workers are added.',
  },
  gustafson: {
    term: 'Gustafson’s law',
    forms: ['Gustafson’s law', "Gustafson's law", 'Gustafson'],
    definition:
      'The other view of Amdahl’s law: grow the problem with the workers, and the parallel part grows while the ' +
      'serial part stays, so the speedup keeps rising.',
  },
  oversubscription: {
    term: 'Oversubscription',
    forms: ['oversubscribed', 'oversubscribe'],
    definition:
      'More busy workers than cores: they take turns on the cores, so adding them past that point only adds ' +
      'switching and memory, not speed.',
  },
  'warm-up': {
    term: 'Warm-up',
    definition:
      'An untimed first run, so that starting workers, loading code and the JavaScript compiler’s optimisation ' +
      'do not count in the timed runs.',
  },
  chunk: {
    term: 'Chunk',
    forms: ['chunks', 'chunk size'],
    definition:
      'One piece of the work handed to a worker at a time. Small chunks balance uneven work but pay the message ' +
      'cost more often.',
  },
  granularity: {
    term: 'Granularity',
    definition: 'How big each piece of parallel work is compared with the cost of handing it out.',
  },
  schedule: {
    term: 'Schedule',
    forms: ['schedules', 'scheduling'],
    definition:
      'Who gets which chunk: static (fixed blocks decided up front), cyclic (dealt in turn like cards) or dynamic ' +
      '(each idle worker takes the next chunk from a queue).',
  },
  'structured-clone': {
    term: 'Structured clone',
    forms: ['structured-clone', 'clones'],
    definition:
      'How postMessage copies data to a worker: the whole value is copied, byte by byte, so a big payload costs ' +
      'time in proportion to its size (like Python’s pickling).',
  },
  transfer: {
    term: 'Transfer',
    forms: ['transferred', 'transferring'],
    definition:
      'Handing an ArrayBuffer to a worker without copying it: the sender’s copy becomes empty and the receiver owns ' +
      'the memory, whatever its size.',
  },
  'shared-array-buffer': {
    term: 'SharedArrayBuffer',
    forms: ['shared memory'],
    definition:
      'Memory that several workers see at once: a write by one is visible to the others, with no message. It needs ' +
      'cross-origin isolation, and Atomics to be used safely.',
  },
  atomics: {
    term: 'Atomics',
    forms: ['atomic', 'Atomics.add'],
    definition:
      'Operations on shared memory that happen as one indivisible step (add, compare-and-exchange), and wait/notify ' +
      'to let a worker sleep until another wakes it.',
  },
  race: {
    term: 'Race',
    forms: ['race condition', 'races'],
    definition:
      'A result that depends on the timing between threads: two workers read the same value, both add 1 and write ' +
      'back, and one update is lost.',
  },
  'lost-update': {
    term: 'Lost update',
    forms: ['lost updates', 'lose updates', 'loses updates'],
    definition: 'An increment overwritten by another worker’s write that did not see it: the symptom of a race.',
  },
  lock: {
    term: 'Lock',
    forms: ['locked', 'mutex'],
    definition:
      'A flag only one worker can hold at a time; the others wait for it. It makes a read-modify-write safe, at the ' +
      'cost of taking turns.',
  },
  'false-sharing': {
    term: 'False sharing',
    definition:
      'Workers writing different words that sit on the same cache line: the cores pass the whole line back and ' +
      'forth, and run far slower though they share nothing.',
  },
  gil: {
    term: 'GIL',
    forms: ['global interpreter lock'],
    definition:
      'CPython’s global interpreter lock: only one thread runs Python code at a time, so threads do not speed up ' +
      'CPU-bound Python; processes do.',
  },
  'cross-origin-isolation': {
    term: 'Cross-origin isolation',
    forms: ['cross-origin isolated', 'crossOriginIsolated'],
    definition:
      'A page state set by two response headers (COOP and COEP) that keeps other sites’ content out of the page’s ' +
      'process; browsers allow SharedArrayBuffer only then.',
  },
  halo: {
    term: 'Halo',
    forms: ['halo rows'],
    definition:
      'The extra rows around a band that a neighbourhood filter (blur, edges) reads: each worker needs its ' +
      'neighbours’ border rows to filter its own edge pixels.',
  },
  clamp: {
    term: 'Clamp',
    forms: ['clamped', 'clamping'],
    definition:
      'At a picture’s edge, read the outermost pixel again instead of one beyond the border; in general, to hold a ' +
      'value within bounds.',
  },
  latency: {
    term: 'Latency',
    definition: 'How long one request waits for its answer. Waiting costs no computing, so many waits can overlap.',
  },
  backpressure: {
    term: 'Backpressure',
    definition: 'A full queue making its producer wait, so a fast producer cannot run ahead of a slow consumer.',
  },
  sentinel: {
    term: 'Sentinel',
    forms: ['sentinels'],
    definition:
      'A special item put in a queue to mean “no more work”: each consumer that takes one stops (Python’s None ' +
      'in a queue.Queue).',
  },
  broker: {
    term: 'Broker',
    definition:
      'The one place that holds the job queue and hands jobs to the machines that ask, keeping track of who has ' +
      'which.',
  },
  lease: {
    term: 'Lease',
    forms: ['leases'],
    definition:
      'A job lent to a machine for a limited time: if the machine does not finish or renew it in time, the broker ' +
      'gives the job to another.',
  },
  kernel: {
    term: 'Kernel',
    forms: ['kernels'],
    definition:
      'The small function that does the actual computing on one chunk (a sum over a range, a blur of a band). A ' +
      'faster kernel speeds up every worker that runs it.',
  },
  simd: {
    term: 'SIMD',
    forms: ['WebAssembly SIMD'],
    definition:
      'Single instruction, multiple data: one instruction works on several numbers at once (four 32-bit ones in ' +
      'WebAssembly’s 128-bit lanes), inside one core.',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type TermId = keyof typeof GLOSSARY;

export function isTermId(id: string): id is TermId {
  return Object.hasOwn(GLOSSARY, id);
}

/** The glossary in alphabetical order of its terms, for the Glossary section. */
export function glossaryInOrder(): { id: TermId; entry: GlossaryEntry }[] {
  return (Object.entries(GLOSSARY) as [TermId, GlossaryEntry][])
    .map(([id, entry]) => ({ id, entry }))
    .sort((a, b) => a.entry.term.localeCompare(b.entry.term, 'en'));
}

/** A run of text, and the glossary term it is, if it is one. */
export interface TextPiece {
  text: string;
  term?: TermId;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every form of every term, longest first, so "lost updates" wins over a shorter form inside it. */
const FORMS: { form: string; id: TermId }[] = (Object.entries(GLOSSARY) as [TermId, GlossaryEntry][])
  .flatMap(([id, entry]) => [entry.term, ...(entry.forms ?? [])].map((form) => ({ form, id })))
  .sort((a, b) => b.form.length - a.form.length);

const PATTERN = new RegExp(`(?<![\\w-])(${FORMS.map(({ form }) => escape(form)).join('|')})(?![\\w-])`, 'gi');

/**
 * Cuts a plain sentence into pieces, marking the first use of each glossary term in it: "More workers divide
 * CPU-bound work" → "More ", workers (worker), " divide ", CPU-bound (cpu-bound), " work".
 */
export function markTerms(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const seen = new Set<TermId>();
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const found = match[0];
    const id = FORMS.find(({ form }) => form.toLowerCase() === found.toLowerCase())?.id;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ text: found, term: id });
    last = match.index + found.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/**
 * The glossary: every term of art the page uses, defined once, in a sentence or two a newcomer can read. `<Term>`
 * shows a definition where a term is used, the Glossary section lists them all, and lesson lines mark the terms
 * they contain (`markTerms`). tests/unit/glossary.test.ts checks every term the UI names is here. The definitions are
 * in src/learn/definitions.ts, loaded apart: marking a sentence needs only the terms.
 */
export interface GlossaryEntry {
  /** The term as a heading writes it. */
  term: string;
  /** Other forms the term takes in running text ("oversubscribed", "Amdahl’s law"), matched like the term. */
  forms?: readonly string[];
}

export const GLOSSARY = {
  worker: { term: 'Web worker', forms: ['web workers'] },
  'main-thread': { term: 'Main thread' },
  'cpu-bound': { term: 'CPU-bound' },
  speedup: { term: 'Speedup' },
  efficiency: { term: 'Efficiency' },
  amdahl: { term: 'Amdahl’s law', forms: ['Amdahl’s law', "Amdahl's law", 'Amdahl'] },
  gustafson: { term: 'Gustafson’s law', forms: ['Gustafson’s law', "Gustafson's law", 'Gustafson'] },
  oversubscription: { term: 'Oversubscription', forms: ['oversubscribed', 'oversubscribe'] },
  'warm-up': { term: 'Warm-up' },
  chunk: { term: 'Chunk', forms: ['chunks', 'chunk size'] },
  granularity: { term: 'Granularity' },
  schedule: { term: 'Schedule', forms: ['schedules', 'scheduling'] },
  'structured-clone': { term: 'Structured clone', forms: ['structured-clone', 'clones'] },
  transfer: { term: 'Transfer', forms: ['transferred', 'transferring'] },
  'shared-array-buffer': { term: 'SharedArrayBuffer', forms: ['shared memory'] },
  atomics: { term: 'Atomics', forms: ['atomic', 'Atomics.add'] },
  race: { term: 'Race', forms: ['race condition', 'races'] },
  'lost-update': { term: 'Lost update', forms: ['lost updates', 'lose updates', 'loses updates'] },
  lock: { term: 'Lock', forms: ['locked', 'mutex'] },
  'false-sharing': { term: 'False sharing' },
  gil: { term: 'GIL', forms: ['global interpreter lock'] },
  'cross-origin-isolation': { term: 'Cross-origin isolation', forms: ['cross-origin isolated', 'crossOriginIsolated'] },
  halo: { term: 'Halo', forms: ['halo rows'] },
  clamp: { term: 'Clamp', forms: ['clamped', 'clamping'] },
  latency: { term: 'Latency' },
  backpressure: { term: 'Backpressure' },
  sentinel: { term: 'Sentinel', forms: ['sentinels'] },
  broker: { term: 'Broker' },
  lease: { term: 'Lease', forms: ['leases'] },
  kernel: { term: 'Kernel', forms: ['kernels'] },
  simd: { term: 'SIMD', forms: ['WebAssembly SIMD'] },
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

/**
 * The demos' Python notes: `src/demos/<id>/python.py`, a Python file that opens with a comment block (its first line
 * the modules it uses, then the explanation) before the code itself. Each is its own small chunk, loaded when its
 * note is about to be read: the page shows the demos without them.
 */
import type { PythonNote } from './demo';

const FILES = import.meta.glob<string>('./*/python.py', { query: '?raw', import: 'default' });

const fileOf = (id: string) => `./${id}/python.py`;

/** Whether the demo has a Python note (known without loading it). */
export function hasPythonNote(id: string): boolean {
  return fileOf(id) in FILES;
}

/** The demos that have a Python note, by id, in no particular order. */
export const PYTHON_NOTE_IDS: readonly string[] = Object.keys(FILES).map((path) => path.split('/')[1]!);

/** The demo's Python note, loaded; null for a demo without one. */
export async function loadPythonNote(id: string): Promise<PythonNote | null> {
  const load = FILES[fileOf(id)];
  return load ? parsePythonNote(await load()) : null;
}

/** A python.py read: its leading comment block (modules, then the explanation) and the code after it. */
export function parsePythonNote(source: string): PythonNote {
  const lines = source.split('\n');
  const headerLength = lines.findIndex((line) => !line.startsWith('#'));
  const [modules = '', ...explanation] = lines.slice(0, headerLength).map((line) => line.replace(/^# ?/, ''));
  return {
    modules: modules.trim(),
    explanation: explanation.join(' ').trim(),
    code: lines.slice(headerLength).join('\n').trim(),
  };
}

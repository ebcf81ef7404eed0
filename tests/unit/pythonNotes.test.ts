import { describe, expect, it } from 'vitest';
import { DEMOS } from '../../src/demos/registry';
import { loadPythonNote, parsePythonNote, PYTHON_NOTE_IDS } from '../../src/demos/pythonNotes';
import { WEB_WAYS } from '../../src/demos/python/webComparison';

/** Every demo has a Python counterpart, but the Python side by side demo itself. */
const DEMO_IDS = DEMOS.map((entry) => entry.id).filter((id) => id !== 'python');

describe('Python side by side', () => {
  it.each(DEMO_IDS)('has a note with explanation and code for %s', async (id) => {
    const note = await loadPythonNote(id);
    expect(note).not.toBeNull();
    expect(note!.modules.length).toBeGreaterThan(2);
    expect(note!.explanation.length).toBeGreaterThan(80);
    expect(note!.code).toMatch(/^(import|from) /);
  });

  it('finds a note in every demo folder with a python.py, and none elsewhere', async () => {
    expect([...PYTHON_NOTE_IDS].sort()).toEqual([...DEMO_IDS].sort());
    expect(await loadPythonNote('python')).toBeNull();
  });

  it('reads a python.py: the modules, the explanation as one paragraph, then the code', () => {
    const source = '# asyncio\n#\n# One thread,\n# many tasks.\n\nimport asyncio\n\nasyncio.run(main())\n';
    expect(parsePythonNote(source)).toEqual({
      modules: 'asyncio',
      explanation: 'One thread, many tasks.',
      code: 'import asyncio\n\nasyncio.run(main())',
    });
  });

  it('compares the three web ways on every question', () => {
    expect(WEB_WAYS.map((way) => way.way.split(' ')[0])).toEqual(['Main-thread', 'Workers', 'Workers']);
    for (const way of WEB_WAYS) {
      for (const value of Object.values(way)) expect(value.length).toBeGreaterThan(3);
    }
  });
});

import type { Component } from 'svelte';
import type { Environment } from '../environment';
import type { Schema } from '../settings';

/** The Python side of a demo: the same idea in Python, and the equivalent code. Plain text, never HTML. */
export interface PythonNote {
  /** The Python modules the note uses, for the heading. */
  modules: string;
  explanation: string;
  code: string;
}

/** What the page says about a demo before it loads: its name, its lesson in one line, its Python counterpart. */
export interface DemoMeta {
  /** The demo's section id, its embed name and the prefix of its settings in a link. */
  id: string;
  title: string;
  lesson: string;
  python?: PythonNote;
  /**
   * The settings the compact embed for teachers (`?embed=<id>&controls=minimal`) keeps: the one or two a learner
   * changes. The others keep their values from the link or their defaults. None when absent.
   */
  mainFields?: readonly string[];
}

/** What every demo's view is given. */
export interface DemoProps {
  env: Environment;
}

export interface DemoEntry {
  meta: DemoMeta;
  /** The demo's settings; known before the view loads, so that a link is checked against every demo at once. */
  schema: (env: Environment) => Schema;
  /** The view, loaded only when it is shown: each demo is its own chunk. */
  load: () => Promise<{ default: Component<DemoProps> }>;
}

import { untrack, type Component } from 'svelte';
import type { Environment } from '../environment';
import type { Schema } from '../settings';

/** The Python side of a demo (its python.py, src/demos/pythonNotes.ts): the same idea in Python, and the code. */
export interface PythonNote {
  /** The Python modules the note uses, for the heading. */
  modules: string;
  explanation: string;
  code: string;
}

/** What the page says about a demo before it loads (its meta.json): its name and its lesson in one line. */
export interface DemoMeta {
  /** The demo's section id, its embed name and the prefix of its settings in a link. */
  id: string;
  title: string;
  lesson: string;
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

/**
 * A demo's state, made once from its view's `env` prop. Untracked: the state lives as long as the view, and a new
 * environment (none comes: the page reads it once) must not rebuild it under a run.
 */
export const demoState = <S>(State: new (env: Environment) => S, env: () => Environment): S => new State(untrack(env));

type View = Component<DemoProps>;

/**
 * A demo's line in the registry: its id, and how to load each of its parts. Each part is its own chunk, so that an
 * embed loads only its own demo, and the full page a demo's settings only when a link names them or its view loads.
 */
export interface DemoEntry {
  /** The demo's folder name, section id, embed name and the prefix of its settings in a link. */
  id: string;
  /** What the page says about the demo before its view loads (the full page loads every demo's, for its navigation). */
  meta: () => Promise<{ meta: DemoMeta }>;
  /** The demo's settings, checked against a link that names them before the view reads them. */
  schema: (env: Environment) => Promise<Schema>;
  /** The view, loaded only when it is shown. */
  load: () => Promise<{ default: View }>;
}

/** A demo whose meta has loaded: what the page renders before and around its view. */
export interface Demo {
  meta: DemoMeta;
  load: () => Promise<{ default: View }>;
}

/**
 * "Start here": the big ideas in order, each a demo and one sentence of what to look for. Ids are demo ids
 * (tests/unit/path.test.ts checks they exist).
 */
export interface PathStep {
  id: string;
  look: string;
}

export const START_HERE: readonly PathStep[] = [
  { id: 'speedup', look: 'Run the default: the time falls as workers are added, until the cores run out.' },
  {
    id: 'messages',
    look: 'Every message to a worker costs time: find the chunk size below which splitting stops paying.',
  },
  {
    id: 'scheduling',
    look: 'Uneven work leaves workers idle: compare static, cyclic and dynamic schedules on the timeline.',
  },
  { id: 'image', look: 'Data has to reach the workers: compare copying, transferring and sharing the pixels.' },
  { id: 'races', look: 'Shared memory without atomics loses updates: count them, then fix them with a lock.' },
  { id: 'fetch', look: 'Waiting is not computing: many requests overlap on one thread, no workers needed.' },
];

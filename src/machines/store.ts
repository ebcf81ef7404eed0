import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BrokerSnapshot } from './broker';

/**
 * Where the broker's state outlives its tab: one IndexedDB record per cluster, the whole snapshot. The broker writes
 * it a few times a second and when its page is hidden, so closing every tab and opening the playground again resumes
 * the run where it stood. What can be lost is at most the last moments before a crash: jobs that had finished then
 * run again (counted as duplicates) — never a result recorded twice, because results are keyed by job id.
 */
export interface SnapshotStore {
  load(cluster: string): Promise<BrokerSnapshot | undefined>;
  save(cluster: string, snapshot: BrokerSnapshot): Promise<void>;
  remove(cluster: string): Promise<void>;
}

interface MachinesDB extends DBSchema {
  clusters: { key: string; value: BrokerSnapshot };
}

const DB_NAME = 'pp-machines';

let db: Promise<IDBPDatabase<MachinesDB>> | undefined;

function open(): Promise<IDBPDatabase<MachinesDB>> {
  db ??= openDB<MachinesDB>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('clusters');
    },
  });
  return db;
}

export const indexedDbStore: SnapshotStore = {
  async load(cluster) {
    const snapshot = await (await open()).get('clusters', cluster);
    return snapshot?.version === 1 ? snapshot : undefined;
  },
  async save(cluster, snapshot) {
    await (await open()).put('clusters', snapshot, cluster);
  },
  async remove(cluster) {
    await (await open()).delete('clusters', cluster);
  },
};

/** A store that keeps nothing past the page: for simulated clusters and tests. */
export function memoryStore(): SnapshotStore {
  const saved = new Map<string, BrokerSnapshot>();
  return {
    load: async (cluster) => (saved.has(cluster) ? structuredClone(saved.get(cluster)) : undefined),
    save: async (cluster, snapshot) => void saved.set(cluster, structuredClone(snapshot)),
    remove: async (cluster) => void saved.delete(cluster),
  };
}

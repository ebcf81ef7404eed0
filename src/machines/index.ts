export {
  Broker,
  type BrokerEvent,
  type Delivery,
  type MachineInfo,
  type MachineRecord,
  type TimelineEntry,
} from './broker';
export { hostBroker, type BrokerHost } from './brokerHost';
export { defaultBrokerChoice, launchBroker, type BrokerChoice, type BrokerLink } from './brokerLaunch';
export { createHub, type Hub, type NetworkOptions } from './bus';
export { Client, jobId, type RunResult } from './client';
export { simulatedCluster, type SimulatedCluster } from './cluster';
export { Machine, type MachineStatus, type MachineView } from './machine';
export { measureRecovery, measureThroughput, type RecoveryFigure, type ThroughputFigure } from './measure';
export type { BrokerPlace, Monitor, RunStatus } from './protocol';
export { indexedDbStore, memoryStore, type SnapshotStore } from './store';
export { CONFIG_BOUNDS, DEFAULT_CONFIG, validateConfig, type BrokerConfig, type JobSpec, type JobState } from './types';
export { startClient, startMachine, type ClientSession, type MachineSession } from './session';
export { runBatch, singleMachine, type BatchOutcome } from './batch';
export { machineTrace } from './timeline';

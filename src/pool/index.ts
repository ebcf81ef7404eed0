export { createPool, Pool } from './pool';
// Every option and result type (Future, MapOptions, PoolOptions, PoolStats, SubmitOptions), and the size bound.
export type * from './options';
export { MAX_POOL_SIZE } from './options';
export {
  ArgumentError,
  CallbackError,
  CancelledError,
  KernelError,
  MessageError,
  PoolClosedError,
  PoolError,
  TimeoutError,
  WorkerCrashedError,
  WorkerStartError,
} from './errors';
export { SCHEDULES, assignWorker, type Schedule } from './schedule';
export type { TraceEvent } from './trace';

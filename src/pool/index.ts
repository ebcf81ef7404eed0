export { createPool, Pool } from './pool';
export {
  MAX_POOL_SIZE,
  type Future,
  type MapOptions,
  type PoolOptions,
  type PoolStats,
  type SubmitOptions,
} from './options';
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

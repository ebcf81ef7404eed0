export {
  createPool,
  MAX_POOL_SIZE,
  Pool,
  type Future,
  type MapOptions,
  type PoolOptions,
  type PoolStats,
  type SubmitOptions,
} from './pool';
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

export {
  createPool,
  Pool,
  type Future,
  type MapOptions,
  type PoolOptions,
  type PoolStats,
  type SubmitOptions,
} from './pool';
export { CancelledError, KernelError, PoolClosedError, PoolError, WorkerCrashedError } from './errors';
export { SCHEDULES, assignWorker, type Schedule } from './schedule';
export type { TraceEvent } from './trace';

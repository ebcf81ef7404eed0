import { CancelledError } from '../pool';

/**
 * The shared-memory queue needs SharedArrayBuffer, which a page has only when cross-origin isolated. Raised before
 * any worker starts; the message-passing queue (`mode: 'message'`) is the fallback that works everywhere.
 */
export class NotIsolatedError extends Error {
  override name = 'NotIsolatedError';
  constructor(readonly reason: string | null) {
    super(
      'The shared-memory queue needs cross-origin isolation (SharedArrayBuffer), which this page does not have; ' +
        'the message-passing queue works without it.',
    );
  }
}

/**
 * A run outlived its time limit and was stopped, its workers terminated. Carries the last picture of the workers,
 * so a run that could never end (a forgotten sentinel) shows who was still blocked. A CancelledError, so a
 * JobRunner treats it as a stop, not a failure.
 */
export class TimeLimitError<Picture = unknown> extends CancelledError {
  override name = 'TimeLimitError';
  constructor(
    readonly limitMs: number,
    readonly last: Picture | null,
  ) {
    super(`stopped at the time limit of ${limitMs} ms`);
  }
}

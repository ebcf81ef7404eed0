import { describe, expect, it, vi } from 'vitest';
import { watchForUpdate, type ApplyUpdate } from '../../src/hosting/updates';

class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  constructor(public state: string) {
    super();
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  become(state: string) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}
class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  /** The browser found a new sw.js: it starts installing. */
  found(worker: FakeWorker) {
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
  }
}
class FakeContainer extends EventTarget {
  constructor(public controller: unknown) {
    super();
  }
  takeOver(worker: FakeWorker) {
    this.controller = worker;
    worker.become('activated');
    this.dispatchEvent(new Event('controllerchange'));
  }
}

function setUp(controller: unknown = new FakeWorker('activated')) {
  const container = new FakeContainer(controller);
  const registration = new FakeRegistration();
  const ready: ApplyUpdate[] = [];
  const reload = vi.fn();
  const stop = watchForUpdate(container, registration, (apply) => ready.push(apply), reload);
  return { container, registration, ready, reload, stop };
}

describe('watchForUpdate', () => {
  it('announces a redeployed version once it has installed, and reloads once it has taken over', () => {
    const { container, registration, ready, reload } = setUp();
    const next = new FakeWorker('installing');
    registration.found(next);
    expect(ready).toHaveLength(0); // still downloading its files
    next.become('installed');
    expect(ready).toHaveLength(1);

    ready[0]!();
    ready[0]!(); // an impatient second click
    expect(next.messages).toEqual([{ type: 'skip-waiting' }]);
    expect(reload).not.toHaveBeenCalled(); // not before the new worker controls the page
    container.takeOver(next);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('announces a version that was already waiting when the page opened', () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    const registration = new FakeRegistration();
    registration.waiting = new FakeWorker('installed');
    const onReady = vi.fn();
    watchForUpdate(container, registration, onReady, vi.fn());
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('stays quiet on the first install, when no version controlled the page', () => {
    const { registration, ready } = setUp(null);
    const first = new FakeWorker('installing');
    registration.found(first);
    first.become('installed');
    expect(ready).toHaveLength(0);
  });

  it('reloads at once when another tab already let the new version take over', () => {
    const { container, registration, ready, reload } = setUp();
    const next = new FakeWorker('installing');
    registration.found(next);
    next.become('installed');
    container.takeOver(next); // the other tab's click
    expect(reload).not.toHaveBeenCalled(); // this page was not asked
    ready[0]!();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(next.messages).toEqual([]);
  });

  it('stops watching when asked', () => {
    const { registration, ready, stop } = setUp();
    stop();
    const next = new FakeWorker('installing');
    registration.found(next);
    next.become('installed');
    expect(ready).toHaveLength(0);
  });
});

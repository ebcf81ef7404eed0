import type { DemoMeta } from '../demo';

export const meta: DemoMeta = {
  id: 'machine',
  title: 'Machines',
  lesson:
    'One machine gives what it measures, not what it reports; many machines share work through a broker — here browser tabs, with leases, retries and duplicates.',
  mainFields: ['jobs'],
  python: {
    modules: 'os, rq, celery',
    explanation:
      'os.cpu_count() reports logical cores, not how many run your work at full speed: measure where the speedup ' +
      'stops. Past one machine, RQ and Celery put jobs on a broker (Redis, RabbitMQ) for workers on other computers. ' +
      'Celery with acks_late acknowledges a job only when it finishes, so a worker that dies hands its job to another: ' +
      'at-least-once, with retries, time limits and a result backend; Flower shows the workers. The tabs here keep ' +
      'the same promises with a lease renewed by heartbeats.',
    code: `from redis import Redis
from rq import Queue                         # RQ: Queue, enqueue, Worker, failed registry
q = Queue(connection=Redis())
job = q.enqueue(count_words, 1999)           # client.run('run', jobs)

from celery import Celery                    # Celery: a broker and workers on other machines
app = Celery('lab', broker='redis://', backend='redis://')

@app.task(bind=True, max_retries=3, acks_late=True, time_limit=30)
def fib_batch(self, ns):                     # retries, late ack, time limit: the broker's settings
    return [fib(n) for n in ns]

result = fib_batch.delay([30] * 4)
print(result.get(timeout=60))                # the result backend, keyed by job id`,
  },
};

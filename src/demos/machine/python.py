# os, rq, celery
#
# os.cpu_count() reports logical cores, not how many run your work at full speed: measure where the speedup
# stops. Past one machine, RQ and Celery put jobs on a broker (Redis, RabbitMQ) for workers on other computers.
# Celery with acks_late acknowledges a job only when it finishes, so a worker that dies hands its job to
# another: at-least-once, with retries, time limits and a result backend; Flower shows the workers. The tabs
# here keep the same promises with a lease renewed by heartbeats (Celery on Redis has one too: its
# visibility_timeout).

from redis import Redis
from rq import Queue, Worker                 # RQ: a queue in Redis, workers on any machine
q = Queue(connection=Redis())
job = q.enqueue(count_words, 1999, job_timeout=30)   # client.run('run', jobs); the time limit
Worker([q], connection=Redis()).work()       # on each machine: a worker tab here
print(q.failed_job_registry.get_job_ids())   # failed for good, error kept: the failed-jobs list

from celery import Celery                    # Celery: a broker and workers on other machines
app = Celery('lab', broker='redis://', backend='redis://')

@app.task(bind=True, max_retries=3, acks_late=True, time_limit=30)
def fib_batch(self, ns):                     # late ack = at-least-once, as the lease here
    try:
        return [fib(n) for n in ns]
    except Exception as exc:                 # retry with exponential backoff, up to max_retries
        raise self.retry(exc=exc, countdown=0.2 * 2 ** self.request.retries)

result = fib_batch.delay([30] * 4)
print(result.get(timeout=60))                # the result backend, keyed by job id
# celery -A lab flower                       # Flower: workers, tasks, rates (the monitor here)

import { setTimeout as sleep } from 'node:timers/promises';

/** A node the workload may call; `up` false while it restarts (no new requests go there). */
export interface Target {
  name: string;
  url: string;
  up: boolean;
  inFlight: number;
}

/** One failed call: what was asked, of whom, and what came back. */
export interface SoakError {
  at: string;
  op: string;
  node: string;
  detail: string;
}

/** What one sampling window saw (reset by `take`). */
export interface WindowFigures {
  latencies: number[];
  requests: number;
  errors: SoakError[];
  ops: Record<string, number>;
}

const batchJob = (rows: number): unknown => ({
  env: { 'job.mode': 'batch' },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': rows, schema: { fields: { name: 'string', age: 'int' } } }],
  transform: [],
  sink: [{ plugin_name: 'Console', plugin_input: ['fake'] }],
});

const STREAMING_JOB = {
  env: { 'job.mode': 'streaming', 'checkpoint.interval': 2000 },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 1000, schema: { fields: { name: 'string', age: 'int' } } }],
  transform: [],
  sink: [{ plugin_name: 'Console', plugin_input: ['fake'] }],
};

/** Reads of every GET endpoint of the release (2.3.13, REST v2 at the root); `{id}` is a live job. */
const READS = [
  '/overview', '/running-jobs', '/finished-jobs', '/finished-jobs/FINISHED', '/system-monitoring-information',
  '/thread-dump', '/running-threads', '/logs?format=json', '/log', '/get-all-log-name', '/metrics', '/openmetrics',
  '/pending-jobs', '/job-info/{id}', '/running-job/{id}', '/logs/{id}', '/jobs/checkpoints/{id}', '/jobs/checkpoints/history/{id}',
];

/** Streaming jobs kept running at once (each stop is followed by a new submit or a restore). */
const STREAMING_TARGET = 6;

/**
 * The steady mix of the soak: workers that submit short batch jobs, read every endpoint, stop
 * streaming jobs (cancel, or savepoint then restore from it), and a ticker that moves the
 * simulation clock so history keeps expiring. Every answer must be a 200 with a JSON or text
 * body as expected; anything else is an error with its detail.
 */
export class Workload {
  private window: WindowFigures = { latencies: [], requests: 0, errors: [], ops: {} };
  private readonly streaming = new Set<string>();
  private recentBatch: string[] = [];
  private stopping = false;
  /**
   * Savepoint restores under way, and whether the clock is being moved: the two never overlap, or
   * a jump could expire the stopped job from history before its restore arrives.
   */
  private restoring = 0;
  private advancing = false;
  private readonly loops: Promise<void>[] = [];
  submitted = 0;

  constructor(private readonly targets: Target[]) {}

  start(workers: number, clockEverySeconds: number, advanceSeconds: number): void {
    for (let i = 0; i < workers; i++) this.loops.push(this.worker());
    this.loops.push(this.clockTicker(clockEverySeconds, advanceSeconds));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  /** The figures since the last take. */
  take(): WindowFigures {
    const taken = this.window;
    this.window = { latencies: [], requests: 0, errors: [], ops: {} };
    return taken;
  }

  /** Waits until no request is in flight to `target` (after it was marked down). */
  async drained(target: Target): Promise<void> {
    while (target.inFlight > 0) await sleep(20);
  }

  private pick(): Target {
    const up = this.targets.filter((t) => t.up);
    return up[Math.floor(Math.random() * up.length)]!;
  }

  private async send(op: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ ok: boolean; status: number; text: string }> {
    const target = this.pick();
    target.inFlight++;
    const started = performance.now();
    this.window.ops[op] = (this.window.ops[op] ?? 0) + 1;
    try {
      const response = await fetch(`${target.url}${path}`, {
        method,
        signal: AbortSignal.timeout(15_000),
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await response.text();
      this.window.latencies.push(performance.now() - started);
      this.window.requests++;
      if (response.status !== 200) this.error(op, target, `${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
      return { ok: response.status === 200, status: response.status, text };
    } catch (error) {
      this.window.requests++;
      this.error(op, target, `${method} ${path} → ${(error as Error).message}`);
      return { ok: false, status: 0, text: '' };
    } finally {
      target.inFlight--;
    }
  }

  private error(op: string, target: Target, detail: string): void {
    this.window.errors.push({ at: new Date().toISOString(), op, node: target.name, detail });
  }

  private async worker(): Promise<void> {
    while (!this.stopping) {
      const roll = Math.random();
      if (roll < 0.15) await this.submitBatch();
      else if (roll < 0.2) await this.streamingStep();
      else await this.read();
      await sleep(40);
    }
  }

  private async submitBatch(): Promise<void> {
    const res = await this.send('submit', 'POST', '/submit-job', batchJob(50 + Math.floor(Math.random() * 200)));
    const id = res.ok ? this.jobIdOf(res.text) : null;
    if (!id) return;
    this.submitted++;
    this.recentBatch = [...this.recentBatch.slice(-49), id];
  }

  private jobIdOf(text: string): string | null {
    try {
      const id: unknown = (JSON.parse(text) as { jobId?: unknown }).jobId;
      return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
    } catch {
      return null;
    }
  }

  /** Keeps STREAMING_TARGET streaming jobs: submit when short, else stop one (cancel or savepoint + restore). */
  private async streamingStep(): Promise<void> {
    if (this.streaming.size < STREAMING_TARGET) {
      const res = await this.send('submit-streaming', 'POST', '/submit-job', STREAMING_JOB);
      const id = res.ok ? this.jobIdOf(res.text) : null;
      if (id) {
        this.submitted++;
        this.streaming.add(id);
      }
      return;
    }
    const id = [...this.streaming][Math.floor(Math.random() * this.streaming.size)]!;
    this.streaming.delete(id);
    if (Math.random() < 0.5) {
      await this.send('stop', 'POST', '/stop-job', { jobId: id, isStopWithSavePoint: false });
      return;
    }
    while (this.advancing) await sleep(20);
    this.restoring++;
    try {
      const stop = await this.send('stop-savepoint', 'POST', '/stop-job', { jobId: id, isStopWithSavePoint: true });
      if (!stop.ok) return;
      const deadline = Date.now() + 10_000;
      for (;;) {
        const info = await this.send('poll', 'GET', `/job-info/${id}`);
        if (info.ok && info.text.includes('"SAVEPOINT_DONE"')) break;
        if (Date.now() > deadline) {
          this.window.errors.push({ at: new Date().toISOString(), op: 'savepoint', node: '-', detail: `job ${id} not SAVEPOINT_DONE within 10 s: ${info.text.slice(0, 200)}` });
          return;
        }
        await sleep(100);
      }
      const restored = await this.send('restore', 'POST', `/submit-job?jobId=${id}&isStartWithSavePoint=true`, STREAMING_JOB);
      if (restored.ok) this.streaming.add(id);
    } finally {
      this.restoring--;
    }
  }

  private async read(): Promise<void> {
    const path = READS[Math.floor(Math.random() * READS.length)]!;
    if (!path.includes('{id}')) {
      await this.send('read', 'GET', path);
      return;
    }
    // Checkpoints exist for running jobs; the rest take any recent job.
    const pool = path.includes('checkpoints') ? [...this.streaming] : [...this.streaming, ...this.recentBatch.slice(-5)];
    if (pool.length === 0) return;
    await this.send('read-job', 'GET', path.replace('{id}', pool[Math.floor(Math.random() * pool.length)]!));
  }

  /** History expires by the simulation clock: move it past the retention now and then. */
  private async clockTicker(everySeconds: number, advanceSeconds: number): Promise<void> {
    while (!this.stopping) {
      await sleep(everySeconds * 1000);
      this.advancing = true;
      try {
        while (this.restoring > 0 && !this.stopping) await sleep(20);
        if (this.stopping) return;
        await this.send('advance-clock', 'POST', '/_sim/clock/advance', { seconds: advanceSeconds });
      } finally {
        this.advancing = false;
      }
      // Batch ids older than this advance have expired: job-info would answer only {"jobId"}.
      this.recentBatch = [];
    }
  }
}

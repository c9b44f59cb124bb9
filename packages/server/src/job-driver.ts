import { isEndState, NEVER, projectJob, type JobRecord } from '@seatunnel-sim/engine';
import type { JobRepository, NodeRegistry } from '@seatunnel-sim/cluster';
import type { Logger } from 'pino';
import type { Clock } from './sim-clock.js';

export interface DriverOptions {
  nodeId: string;
  repository: JobRepository;
  registry: NodeRegistry;
  clock: Clock;
  logger: Logger;
  historyTtlMillis: number;
  intervalMillis?: number;
}

/**
 * The node's job driver. Every tick it commits the transitions its own jobs have reached (a batch
 * job's end moves it to history) and adopts jobs whose owner's heartbeat has lapsed. Every write
 * is a compare-and-set, so two nodes adopting the same orphan end with one winner.
 */
export class JobDriver {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: DriverOptions) {}

  start(): void {
    const interval = this.options.intervalMillis ?? 500;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'job driver tick failed'))
        .finally(() => (this.running = undefined));
    }, interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: adopt orphans, then commit due transitions. Exposed for tests. */
  async tick(): Promise<void> {
    await this.adoptOrphans();
    await this.commitDue();
  }

  private async commitDue(): Promise<void> {
    const { repository, nodeId, clock, historyTtlMillis } = this.options;
    const due = await repository.listDue(nodeId, clock.now());
    for (const stored of due) {
      const snapshot = projectJob(stored.record, clock.now());
      if (!isEndState(snapshot.status)) continue;
      const ended: JobRecord = {
        ...stored.record,
        status: snapshot.status,
        finishTime: snapshot.finishTime,
        frozenAt: snapshot.finishTime,
        dueAt: NEVER,
      };
      await repository.moveToHistory(stored, ended, historyTtlMillis);
    }
  }

  private async adoptOrphans(): Promise<void> {
    const { repository, registry, nodeId, logger } = this.options;
    const live = (await registry.list()).map((n) => n.nodeId);
    if (!live.includes(nodeId)) return; // not registered (yet): adopting now could steal from live nodes
    const orphans = await repository.listOrphans(live);
    for (const orphan of orphans) {
      const result = await repository.updateRunning(orphan.record.jobId, (current) =>
        live.includes(current.owner) ? null : { ...current, owner: nodeId },
      );
      if (result?.changed) logger.info({ jobId: orphan.record.jobId, from: orphan.record.owner }, 'adopted job');
    }
  }
}

import { adoptJob, isEndState, settle, slotsRequired, startWaitingJob, WAIT_RETRY_MILLIS } from '@seatunnel-sim/engine';
import { masterOf, type JobRepository, type NodeRegistry, type StoredJob } from '@seatunnel-sim/cluster';
import type { Logger } from 'pino';
import type { Clock } from './sim-clock.js';
import type { JobLog } from './services/job-log.js';
import { jobLogLines } from './services/job-log-lines.js';
import type { SlotScheduler } from './services/slot-scheduler.js';
import type { PeerWatch } from './peer-watch.js';
import type { HistoryRetention } from './services/history-retention.js';

export interface DriverOptions {
  nodeId: string;
  /** Tells dead peers before their registry entries expire; without it only the TTL does. */
  peerWatch?: PeerWatch;
  repository: JobRepository;
  registry: NodeRegistry;
  slots: SlotScheduler;
  clock: Clock;
  logger: Logger;
  jobLog: () => JobLog;
  history: HistoryRetention;
  intervalMillis?: number;
  /** A full scan for orphans (jobs of nodes this node never saw) runs this often. */
  fullOrphanScanMillis?: number;
}

/** What one driver tick has learnt so far. */
interface TickPass {
  /** Slots no node had free at some point of this tick (Infinity: not known). */
  noRoomFor: number;
}

/**
 * The node's job driver. Every tick it (1) adopts the jobs of nodes whose heartbeat lapsed,
 * (2) commits the transitions its own jobs have reached (projection → durable status; an ended
 * job moves to history) and (3) starts waiting jobs when slots free up. Every write is a
 * compare-and-set, so two nodes adopting the same orphan end with exactly one winner.
 */
export class JobDriver {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private knownNodes = new Set<string>();
  private lastFullScan = 0;
  private lastSweep = 0;
  /** Whether this node was the oldest live node at the last pass. */
  private isMaster = false;
  /** Live nodes seen at the last tick (the health check's clusterSize). */
  liveNodes = 1;
  private failingSince: number | undefined;
  private lastFailureLog = 0;

  constructor(private readonly options: DriverOptions) {}

  start(): void {
    const interval = this.options.intervalMillis ?? 250;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick(false)
        .then(() => {
          if (this.failingSince !== undefined) this.options.logger.info('job driver recovered');
          this.failingSince = undefined;
        })
        .catch((error: unknown) => this.reportFailure(error))
        .finally(() => (this.running = undefined));
    }, interval);
    this.timer.unref();
  }

  /** While the cluster is gone every tick fails: warn once, then every 30 s, not every 250 ms. */
  private reportFailure(error: unknown): void {
    const now = Date.now();
    if (this.failingSince === undefined) {
      this.failingSince = now;
      this.lastFailureLog = now;
      this.options.logger.warn({ err: error }, 'job driver tick failed');
    } else if (now - this.lastFailureLog >= 30_000) {
      this.lastFailureLog = now;
      this.options.logger.warn({ err: error, failingForMillis: now - this.failingSince }, 'job driver still failing');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * One pass. The timer's passes leave the history sweep to the master (one sweep per simulated
   * second for the cluster); an explicit pass (`/_sim/driver/tick`, `/_sim/clock/advance`) sweeps
   * too, so a test sees the effect of a clock jump as soon as the call returns.
   */
  async tick(explicit = true): Promise<void> {
    await this.adoptOrphans();
    await this.commitDue();
    if (explicit || this.isMaster) await this.sweepHistory(explicit);
  }

  /** Drops history entries older than the retention by the simulation clock. */
  private async sweepHistory(force: boolean): Promise<void> {
    const { repository, clock } = this.options;
    const now = clock.now();
    if (!force && now - this.lastSweep < 1_000) return;
    this.lastSweep = now;
    await repository.removeExpiredFinished(now);
  }

  private async commitDue(): Promise<void> {
    const { repository, nodeId, clock } = this.options;
    // Once no node has room for n slots, no other waiting job of n or more slots gets any this
    // tick either: each of them would cost a scan of the running map to learn that.
    const pass: TickPass = { noRoomFor: Infinity };
    for (const stored of await repository.listDue(nodeId, clock.now())) {
      await this.commitOne(stored, pass).catch((error: unknown) =>
        this.options.logger.warn({ err: error, jobId: stored.record.jobId }, 'commit failed; retrying next tick'),
      );
    }
  }

  private async commitOne(stored: StoredJob, pass: TickPass): Promise<void> {
    const { repository, clock, history } = this.options;
    const record = stored.record;
    if (isEndState(record.status)) {
      // Ended but not yet archived (a node died mid-move): finish the move.
      await repository.completeArchive(stored, history.termsFor(record, clock.now()));
      return;
    }
    if ((record.status === 'PENDING') && record.runningSince === null) {
      await this.tryStartWaiting(stored, pass);
      return;
    }
    const next = settle(record, clock.now());
    if (!next) return;
    const done = isEndState(next.status)
      ? await repository.moveToHistory(stored, next, history.termsFor(next, clock.now()))
      : (await repository.updateRunning(record.jobId, (current) => (current.version === record.version ? next : null)))?.changed;
    if (done) this.log(record.jobId, jobLogLines.transition(record, record.status, next.status));
  }

  /** job-schedule-strategy WAIT: a pending job starts once some node has its slots free (reserved atomically). */
  private async tryStartWaiting(stored: StoredJob, pass: TickPass): Promise<void> {
    const { repository, slots, clock } = this.options;
    const needed = slotsRequired(stored.record.plan);
    const grant = needed < pass.noRoomFor ? await slots.reserve(stored.record.jobId, needed, 'start') : null;
    if (!grant) pass.noRoomFor = Math.min(pass.noRoomFor, needed);
    try {
      const now = clock.now();
      await repository.updateRunning(stored.record.jobId, (current) => {
        if (current.version !== stored.record.version) return null;
        if (!grant) return { ...current, dueAt: now + WAIT_RETRY_MILLIS };
        return { ...startWaitingJob(current, now), owner: grant.nodeId };
      });
    } finally {
      if (grant) await slots.release(grant);
    }
  }

  /**
   * Finds jobs whose owner is gone. Cheap path: owners that were alive last tick and are not any
   * more; a full scan now and then catches owners this node never saw (it started later).
   */
  private async adoptOrphans(): Promise<void> {
    const { repository, registry, nodeId, clock, peerWatch } = this.options;
    const listed = await registry.list();
    const dead = peerWatch ? await peerWatch.provenDead(listed, nodeId) : new Set<string>();
    for (const id of dead) {
      if (!this.knownNodes.has(id)) continue;
      // A warning: a node taken for dead is a cluster event an operator (or a bench) must see.
      this.options.logger.warn({ nodeId: id }, 'peer stopped heartbeating and its probe port (liveness thread, else REST) refuses or stays silent: adopting its jobs');
    }
    const live = new Set(listed.map((n) => n.nodeId).filter((id) => !dead.has(id)));
    this.liveNodes = live.size;
    this.isMaster = masterOf(listed, (n) => live.has(n.nodeId))?.nodeId === nodeId;
    if (!live.has(nodeId)) return; // not registered (yet): adopting now could take jobs from live nodes
    const vanished = [...this.knownNodes].filter((id) => !live.has(id));
    for (const id of vanished) if (!dead.has(id)) this.options.logger.warn({ nodeId: id }, 'peer left the registry (stopped, or its heartbeat expired): adopting its jobs');
    this.knownNodes = live;
    const fullScanDue = clock.now() - this.lastFullScan >= (this.options.fullOrphanScanMillis ?? 10_000);
    let orphans: StoredJob[] = [];
    if (fullScanDue) {
      this.lastFullScan = clock.now();
      orphans = await repository.listOrphans([...live]);
    } else if (vanished.length > 0) {
      orphans = await repository.listOwnedBy(vanished);
    }
    // Several compare-and-sets in flight: one after the other, 300 jobs took ~0.4 s of round trips,
    // a fifth of the bench's 2 s failover goal for a frozen node.
    await eachWithLimit(orphans, ADOPTIONS_IN_FLIGHT, async (orphan) => {
      const result = await repository.updateRunning(orphan.record.jobId, (current) =>
        live.has(current.owner) ? null : adoptJob(current, nodeId, clock.now()),
      );
      if (result?.changed) {
        this.options.logger.info({ jobId: orphan.record.jobId, from: orphan.record.owner }, 'adopted job');
        this.log(orphan.record.jobId, jobLogLines.adopted(result.record, orphan.record.owner));
      }
    });
  }

  private log(jobId: string, line: { logger: string; message: string }): void {
    this.options.jobLog().write(jobId, 'INFO', line.logger, line.message);
  }
}

/** Adoption compare-and-sets a driver keeps in flight at once. */
const ADOPTIONS_IN_FLIGHT = 16;

/** Runs `work` over `items`, at most `limit` at a time; rejects with the first failure. */
async function eachWithLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

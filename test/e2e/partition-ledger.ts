import { LIFECYCLE_ORDER, type JobStatus } from '@seatunnel-sim/engine';

export type Side = 'majority' | 'minority';

/** A job as a listing (running-jobs, finished-jobs) shows it. */
export interface ListedJob {
  jobId: string;
  jobStatus: string;
}

/** What one node shows after the partition healed. */
export interface NodeView {
  node: string;
  running: ListedJob[];
  finished: ListedJob[];
}

const rank = (status: string): number => LIFECYCLE_ORDER.indexOf(status as JobStatus);

/**
 * What clients were told while the cluster was split: which submits and stops were acknowledged
 * (200) by which side, and the furthest lifecycle status anyone was shown for each job. After the
 * heal, `audit` checks the cluster against it.
 */
export class PartitionLedger {
  readonly submitted = new Map<string, Side>();
  readonly stopped = new Map<string, Side>();
  private readonly furthest = new Map<string, string>();

  acknowledgeSubmit(jobId: string, side: Side): void {
    this.submitted.set(jobId, side);
  }

  acknowledgeStop(jobId: string, side: Side): void {
    if (!this.stopped.has(jobId)) this.stopped.set(jobId, side);
  }

  /** A status some node showed for the job (job-info, a listing, the answer to a stop). */
  saw(jobId: string, status: string): void {
    const before = this.furthest.get(jobId);
    if (before === undefined || rank(status) > rank(before)) this.furthest.set(jobId, status);
  }

  furthestSeen(jobId: string): string | undefined {
    return this.furthest.get(jobId);
  }

  audit(views: readonly NodeView[], endStates: ReadonlySet<string>): PartitionAudit {
    const problems: string[] = [];
    const statusesByJob = new Map<string, Set<string>>();
    let duplicated = 0;
    for (const view of views) {
      const seen = new Map<string, number>();
      for (const job of [...view.running, ...view.finished]) {
        seen.set(job.jobId, (seen.get(job.jobId) ?? 0) + 1);
        let statuses = statusesByJob.get(job.jobId);
        if (!statuses) statusesByJob.set(job.jobId, (statuses = new Set()));
        statuses.add(job.jobStatus);
      }
      for (const [jobId, count] of seen) {
        if (count > 1) {
          duplicated++;
          problems.push(`${view.node} lists job ${jobId} ${count} times`);
        }
      }
    }
    const present = [...this.submitted.keys()].filter((id) => statusesByJob.has(id)).length;
    for (const id of this.submitted.keys()) if (!statusesByJob.has(id)) problems.push(`acknowledged job ${id} (${this.submitted.get(id)}) is gone`);
    let disagreeing = 0;
    let regressed = 0;
    for (const [jobId, statuses] of statusesByJob) {
      if (statuses.size > 1) {
        disagreeing++;
        problems.push(`nodes disagree on job ${jobId}: ${[...statuses].join(', ')}`);
      }
      const furthest = this.furthest.get(jobId);
      const final = [...statuses][0]!;
      if (furthest !== undefined && rank(final) < rank(furthest)) {
        regressed++;
        problems.push(`job ${jobId} went back from ${furthest} to ${final}`);
      }
    }
    let stopsHonoured = 0;
    for (const [jobId, side] of this.stopped) {
      const final = [...(statusesByJob.get(jobId) ?? [])][0];
      if (final !== undefined && (endStates.has(final) || final === 'CANCELING')) stopsHonoured++;
      else problems.push(`stop of job ${jobId} acknowledged by the ${side} but the job is ${final ?? 'gone'}`);
    }
    return {
      acknowledged: this.submitted.size,
      acknowledgedByMinority: [...this.submitted.values()].filter((side) => side === 'minority').length,
      present,
      duplicated,
      regressed,
      disagreeing,
      stopsAcknowledged: this.stopped.size,
      stopsByMinority: [...this.stopped.values()].filter((side) => side === 'minority').length,
      stopsHonoured,
      problems,
    };
  }
}

export interface PartitionAudit {
  acknowledged: number;
  acknowledgedByMinority: number;
  /** Acknowledged jobs that some node lists after the heal. */
  present: number;
  /** A job listed twice by one node (in both maps, or twice in one). */
  duplicated: number;
  /** A job whose status after the heal is behind one a client was shown before. */
  regressed: number;
  /** A job the nodes show in different statuses. */
  disagreeing: number;
  stopsAcknowledged: number;
  stopsByMinority: number;
  stopsHonoured: number;
  problems: string[];
}

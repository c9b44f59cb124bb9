import type { JobStatus } from './job-status.js';

/**
 * SeaTunnel's job statuses from least to most advanced. Not JOB_STATUSES (enum order, where
 * FAILED comes before CANCELING): a status later here is further along any job's lifecycle.
 * packages/cluster/member-extension's JobVersionMergePolicy ranks the same list (a test compares them).
 */
export const LIFECYCLE_ORDER: readonly JobStatus[] = [
  'INITIALIZING', 'CREATED', 'PENDING', 'SCHEDULED', 'RUNNING',
  'DOING_SAVEPOINT', 'FAILING', 'CANCELING',
  'SAVEPOINT_DONE', 'FAILED', 'CANCELED', 'FINISHED', 'UNKNOWABLE',
];

interface JobCopy {
  status: JobStatus;
  version: number;
}

/**
 * Which of two copies of one job is the later one, when a network partition let both sides change
 * it: the copy with more committed changes (every compare-and-set raises `version`), then the one
 * further along the lifecycle (a stop on one side beats an adoption on the other). Positive when
 * `a` is later, negative when `b` is, 0 when neither (the caller keeps the copy it trusts more).
 */
export function compareJobCopies(a: JobCopy, b: JobCopy): number {
  if (a.version !== b.version) return a.version - b.version;
  return LIFECYCLE_ORDER.indexOf(a.status) - LIFECYCLE_ORDER.indexOf(b.status);
}

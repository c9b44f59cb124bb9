/** SeaTunnel's JobStatus, in enum order (ordinals matter to SeaTunnel, so keep it). */
export const JOB_STATUSES = [
  'INITIALIZING',
  'CREATED',
  'PENDING',
  'SCHEDULED',
  'RUNNING',
  'FAILING',
  'FAILED',
  'DOING_SAVEPOINT',
  'SAVEPOINT_DONE',
  'CANCELING',
  'CANCELED',
  'FINISHED',
  'UNKNOWABLE',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const END_STATES: ReadonlySet<JobStatus> = new Set(['FAILED', 'SAVEPOINT_DONE', 'CANCELED', 'FINISHED', 'UNKNOWABLE']);

export function isEndState(status: JobStatus): boolean {
  return END_STATES.has(status);
}

/**
 * Legal moves of the simulated state machine. SeaTunnel rejects any move out of an end state and
 * treats a same-state update as a no-op; everything else follows the lifecycle in the spec (§3).
 */
const TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  INITIALIZING: ['CREATED', 'FAILED', 'CANCELED'],
  CREATED: ['PENDING', 'SCHEDULED', 'FAILED', 'CANCELING', 'CANCELED'],
  PENDING: ['RUNNING', 'SCHEDULED', 'FAILED', 'CANCELING', 'CANCELED', 'DOING_SAVEPOINT'],
  SCHEDULED: ['RUNNING', 'FAILING', 'FAILED', 'CANCELING', 'CANCELED'],
  RUNNING: ['FINISHED', 'FAILING', 'FAILED', 'CANCELING', 'CANCELED', 'DOING_SAVEPOINT'],
  FAILING: ['FAILED'],
  FAILED: [],
  DOING_SAVEPOINT: ['SAVEPOINT_DONE', 'FAILING', 'FAILED', 'CANCELING', 'CANCELED', 'FINISHED'],
  SAVEPOINT_DONE: [],
  CANCELING: ['CANCELED', 'FAILED'],
  CANCELED: [],
  FINISHED: [],
  UNKNOWABLE: [],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

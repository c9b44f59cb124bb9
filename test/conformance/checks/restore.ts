import { BOTH, fail, type Check } from '../check.js';
import { QUICK_JOB } from '../fixtures.js';

/**
 * restoreMode / restoreSourceJobId on submit-job (3.0, apache/seatunnel#11421; docs
 * engines/zeta/rest-api-v2.md "Submit A Job", RestJobExecutionEnvironment): CHECKPOINT starts a new
 * job from the source job's latest completed checkpoint, or refuses with IllegalArgumentException.
 * The fixture's checkpointed job checkpoints every second, so it always has one.
 */
const base = { endpoint: 'E8', method: 'POST', api: BOTH, since: '3.0' } as const;

export const restoreChecks: Check[] = [
  {
    ...base,
    name: 'submit-job?restoreMode=CHECKPOINT&restoreSourceJobId=<checkpointed>: a new job from its latest checkpoint',
    path: '/submit-job?restoreMode=CHECKPOINT&restoreSourceJobId={checkpointedJobId}&jobName=cs-from-checkpoint',
    body: QUICK_JOB,
    expect: {
      status: 200,
      keyOrder: { '': ['jobId', 'jobName'] },
      types: { jobId: 'jobId' },
      json: { jobName: 'cs-from-checkpoint' },
      predicate: (body, ctx) => (body.jobId !== ctx.fx('checkpointedJobId') ? null : 'CHECKPOINT mode must allocate a new job id'),
    },
  },
  {
    ...base,
    name: 'submit-job?restoreMode=CHECKPOINT from a job with no checkpoint → 400 "No checkpoint found …"',
    path: '/submit-job?jobId={uniqueId}&restoreMode=CHECKPOINT&restoreSourceJobId=123',
    body: QUICK_JOB,
    ...fail(400, 'No checkpoint found for jobId={uniqueId}, restoreMode=CHECKPOINT, restoreSourceJobId=123'),
  },
];

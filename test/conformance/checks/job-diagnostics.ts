import { BOTH, V2_ONLY, type Check } from '../check.js';

/**
 * job-info's `diagnostics` (3.0, apache/seatunnel#11982; docs engines/zeta/rest-api-v2.md,
 * job-info): JobRuntimeDiagnostics.build's state timestamps (states never entered left out),
 * the pipelines' restore counts against `job.retry.times` (3 by default) and their total. Only
 * job-info of a job still running has it; running-jobs does not.
 */
const base = { endpoint: 'E3', since: '3.0' } as const;

export const jobDiagnosticsChecks: Check[] = [
  {
    ...base,
    name: 'job-info/{running}: diagnostics of a job placed at once (no PENDING), its one pipeline RUNNING, no restores',
    path: '/job-info/{runningJobId}',
    api: BOTH,
    expect: {
      status: 200,
      keyOrder: {
        'diagnostics.stateTimestamps': ['INITIALIZING', 'CREATED', 'SCHEDULED', 'RUNNING'],
        'diagnostics.pipelines[*]': ['pipelineId', 'pipelineStatus', 'restoreCount', 'maxRestoreCount', 'stateTimestamps'],
        'diagnostics.pipelines[*].stateTimestamps': ['INITIALIZING', 'CREATED', 'SCHEDULED', 'DEPLOYING', 'RUNNING'],
      },
      json: { diagnostics: { jobId: '{runningJobId}', pipelines: [{ pipelineId: 1, pipelineStatus: 'RUNNING', restoreCount: 0, maxRestoreCount: 3 }], totalPipelineRestoreCount: 0 } },
      predicate: (body) => {
        const d = body.diagnostics;
        if (d.stateTimestamps.RUNNING < d.stateTimestamps.CREATED) return 'RUNNING before CREATED';
        return d.generatedAt >= d.stateTimestamps.RUNNING ? null : `generatedAt ${d.generatedAt} before RUNNING ${d.stateTimestamps.RUNNING}`;
      },
    },
  },
  {
    ...base,
    name: 'job-info/{pending}: diagnostics of a job still waiting: PENDING since CREATED, its pipeline CREATED',
    path: '/job-info/{pendingJobId}',
    api: BOTH,
    expect: {
      status: 200,
      keyOrder: { 'diagnostics.stateTimestamps': ['INITIALIZING', 'CREATED', 'PENDING'], 'diagnostics.pipelines[*].stateTimestamps': ['INITIALIZING', 'CREATED'] },
      json: { jobStatus: 'PENDING', diagnostics: { jobId: '{pendingJobId}', pipelines: [{ pipelineStatus: 'CREATED', restoreCount: 0 }] } },
    },
  },
  { ...base, name: 'job-info/{finished}: an ended job has no diagnostics', path: '/job-info/{finishedJobId}', api: BOTH, expect: { status: 200, types: { diagnostics: 'absent' } } },
  { ...base, endpoint: 'E2', name: 'running-jobs: no element carries diagnostics (job-info only)', path: '/running-jobs', api: V2_ONLY, expect: { status: 200, types: { '[*].diagnostics': 'absent', '[*].jobId': 'jobId' } } },
];

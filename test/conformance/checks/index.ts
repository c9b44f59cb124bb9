import type { Check } from '../check.js';
import { encryptConfigChecks, updateTagsChecks } from './config-tags.js';
import { checkpointAbsentChecks, checkpointChecks } from './checkpoints.js';
import { finishedJobsChecks } from './finished-jobs.js';
import { listingChecks } from './listings.js';
import { jobDiagnosticsChecks } from './job-diagnostics.js';
import { jobInfoChecksAll } from './job-info.js';
import { logChecks } from './logs.js';
import { loggerChecks } from './loggers.js';
import { monitoringChecks } from './monitoring.js';
import { overviewChecks } from './overview.js';
import { realtimeMetricsChecks } from './realtime-metrics.js';
import { restoreChecks } from './restore.js';
import { runningJobsChecks } from './running-jobs.js';
import { stopJobChecks, stopJobsChecks } from './stop.js';
import { submitJobChecks, submitJobsChecks } from './submit.js';
import { nativeChecks, telemetryChecks } from './telemetry.js';
import { transportChecks } from './transport.js';
import { uploadLimitChecks } from './upload-limits.js';
import { zetaChecks } from './zeta-3x.js';

/**
 * Every check, in the order they run. Checks that only read come first, while the cluster holds
 * exactly the fixture jobs (so counters and lists are exact); checks that submit, stop or re-tag
 * come after, each written to be repeatable on every node and API.
 */
export const ALL_CHECKS: readonly Check[] = [
  ...overviewChecks,
  ...runningJobsChecks,
  ...jobInfoChecksAll,
  ...jobDiagnosticsChecks,
  ...finishedJobsChecks,
  ...listingChecks,
  ...checkpointChecks,
  ...checkpointAbsentChecks,
  ...zetaChecks,
  ...realtimeMetricsChecks,
  ...loggerChecks,
  ...monitoringChecks,
  ...logChecks,
  ...telemetryChecks,
  ...nativeChecks,
  ...transportChecks,
  ...encryptConfigChecks,
  ...submitJobChecks,
  ...submitJobsChecks,
  ...restoreChecks,
  ...uploadLimitChecks,
  ...stopJobChecks,
  ...stopJobsChecks,
  ...updateTagsChecks,
];

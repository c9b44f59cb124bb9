import type { ExchangeAnswer } from './exchange.js';
import type { RecordingAdjustment } from './replay.js';

/**
 * What SeaTunnel 2.3.9 changed after the pre-release recording (apache/seatunnel `dev` at
 * 15431c94d9, 2024-10-23) was taken, per shared/spec/seatunnel-rest-versions.md: applied to the
 * recorded answers so that they speak for the 2.3.9 release.
 */
const replaceInBody = (answer: ExchangeAnswer, from: RegExp, to: string): ExchangeAnswer => ({ ...answer, body: answer.body.replace(from, to) });

export const SNAPSHOT_TO_2_3_9: RecordingAdjustment[] = [
  {
    // A release build reports its version without -SNAPSHOT, and so do its connector jars.
    files: /./,
    source: 'release 2.3.9 (pom <revision>2.3.9): projectVersion and connector jar names',
    adjust: (answer) => replaceInBody(answer, /2\.3\.9-SNAPSHOT/g, '2.3.9'),
  },
  {
    // The release build's commit is not known here; the profile reports SeaTunnel's placeholder
    // (README, Fidelity: deviations). The recording shows the pre-release's own commit.
    files: /overview/,
    source: 'zeta.version.properties of the 2.3.9 build (commit not known; see the deviation list)',
    adjust: (answer) => replaceInBody(answer, /"gitCommitAbbrev":"15431c9"/, '"gitCommitAbbrev":"DeadD0d0"'),
  },
  {
    // submit-job?format=hocon (#8000, merged after the recording) reads the body as HOCON: the
    // recorded body `env { job.mode = "batch" }` then has no source block, which the job parser
    // reads with Typesafe Config (JobInfoService.submitJob @2bfb97e50: ConfigFactory.parseString).
    files: /_submit-job_text_plain\.txt$/,
    source: 'apache/seatunnel#8000 (submit-job format=hocon, 2.3.9)',
    adjust: (answer) => ({
      ...answer,
      status: 500,
      reason: answer.headers.some(([k, v]) => k === 'server' && v.startsWith('Jetty')) ? 'Server Error' : 'Internal Server Error',
      body: '{"status":"fail","message":"No configuration setting found for key \'source\'"}',
    }),
  },
];

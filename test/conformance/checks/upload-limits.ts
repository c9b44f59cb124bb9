import { fail, V2_ONLY, type Check } from '../check.js';

/**
 * submit-job/upload's size limits (3.0, apache/seatunnel#12072 for #12068): 10 MB for the file and
 * the request by default, set on the servlet's MultipartConfigElement, so Jetty's parser refuses a
 * larger body inside getPart ("rejected by Jetty before the config is parsed", the PR) and
 * ExceptionHandlingFilter answers the IllegalStateException with a 500. Read from the code (Jetty
 * 9.4's MultiPartFormInputStream; the servlet asks for the part first), not seen on a 3.x engine.
 */
const BOUNDARY = 'cs-upload-limit';
const JOB = 'env { job.mode = "BATCH" }\nsource { FakeSource { row.num = 1, schema = { fields { name = "string" } } } }\nsink { Console {} }\n';
/** One `config_file` part just past 10 MB: the request passes its limit before the file does. */
const OVERSIZED = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="config_file"; filename="big.conf"',
  'Content-Type: application/octet-stream',
  '',
  `# ${'x'.repeat(10 * 1024 * 1024)}\n${JOB}`,
  `--${BOUNDARY}--`,
  '',
].join('\r\n');

export const uploadLimitChecks: Check[] = [
  {
    name: 'submit-job/upload past 10 MB → 500 "Request exceeds maxRequestSize (10485760)"',
    endpoint: 'E8',
    method: 'POST',
    path: '/submit-job/upload?jobName=cs-too-big',
    body: OVERSIZED,
    requestContentType: `multipart/form-data; boundary=${BOUNDARY}`,
    api: V2_ONLY,
    since: '3.0',
    ...fail(500, 'Request exceeds maxRequestSize (10485760)'),
  },
];

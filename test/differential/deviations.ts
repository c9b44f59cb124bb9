import type { Difference } from './compare.js';
import type { StepOutcome } from './lockstep.js';

/**
 * The one list of deliberate deviations from the real engine: a SeaTunnel behaviour we choose
 * not to copy (or cannot), each with its reason. The differential and replay suites show every
 * difference a deviation explains and fail on any other; README's "Fidelity" table lists the same
 * entries (deviations.test.ts keeps the two in step).
 */
export interface Deviation {
  id: string;
  /** What differs, in a line. */
  summary: string;
  reason: string;
  /** Where a suite meets it: its differences are matched here, or the comparison rules name it (`server`: packages/server's tests). */
  shownBy: 'differential' | 'replay' | 'rules' | 'conformance' | 'server';
  matches(step: StepOutcome, difference: Difference): boolean;
}

const never = (): boolean => false;

export const DEVIATIONS: readonly Deviation[] = [
  {
    id: 'one-port',
    summary: 'REST v1 and v2 share one port per node',
    reason:
      "SeaTunnel serves v1 on the Hazelcast member port (5801) and v2 on Jetty's (8080); a simulator node serves both on its one " +
      "port, so a v1 path asked on the v2 port answers as v1 instead of Jetty's 404.",
    shownBy: 'replay',
    matches: (step) => /^\w+ :8080\/hazelcast\//.test(step.request),
  },
  {
    id: 'duplicate-keys',
    summary: 'a JSON body with a repeated key is refused: 400 "Invalid JSON format in request body."',
    reason: "SeaTunnel's Jackson keeps the last value; the simulator's lossless parser (64-bit ids) refuses the ambiguity instead.",
    shownBy: 'differential',
    matches: (step) => step.name.startsWith('duplicate key:'),
  },
  {
    id: 'member-address',
    summary: 'system-monitoring-information host/port and /hazelcast/rest/cluster addresses are the nodes\' REST addresses',
    reason: 'A simulator node is not a Hazelcast member; its REST address is the one a client can use. Compared by type (rules.ts).',
    shownBy: 'rules',
    matches: never,
  },
  {
    id: 'process-figures',
    summary: "monitoring, thread-dump, running-threads and telemetry describe the Node process",
    reason: 'There is no JVM: heap, GC and threads are V8\'s and libuv\'s. Keys, order and types are SeaTunnel\'s; values are compared by type (rules.ts).',
    shownBy: 'rules',
    matches: never,
  },
  {
    id: 'simulated-history-time',
    summary: 'history-job-expire-minutes counts simulated time',
    reason: "SeaTunnel's is a wall-clock IMap TTL; here /_sim/clock/advance and simulation.speed move it like every other duration.",
    shownBy: 'conformance',
    matches: never,
  },
  {
    id: 'release-commits',
    summary: 'profiles 2.3.9 and 2.3.11 to 2.3.13 report gitCommitAbbrev "DeadD0d0"',
    reason: "Those release builds' commits are in no source we could reach (their seatunnel-engine-common jars, which carry zeta.version.properties, are not served here); DeadD0d0 is SeaTunnel's own placeholder. 2.3.10 reports its real 5c8a4c0.",
    shownBy: 'replay',
    matches: never,
  },
  {
    id: 'unscheduled-start-time',
    summary: 'a job that was never scheduled has startTime null in every listing (2.3.12, 2.3.13)',
    reason: 'Read from the code only: 2.3.12 unboxes a missing SCHEDULED time in running jobs, and 2.3.12/2.3.13 in finished ones, so SeaTunnel would fail the whole listing with a 500 NullPointerException (#9815 fixed the running side in 2.3.13); not seen on a running engine, so one job does not break listings here.',
    shownBy: 'conformance',
    matches: never,
  },
  {
    id: 'v2-log-links',
    summary: 'v2 /logs links each node by its own host:port and context path',
    reason: "SeaTunnel builds every member's link from the answering node's Jetty port, which is only right when all members use the same port.",
    shownBy: 'conformance',
    matches: never,
  },
  {
    id: 'null-env-value',
    summary: 'a null env value renders as "null"',
    reason: "SeaTunnel 2.3.9 fails such a job with a NullPointerException (apache/seatunnel#8893); the simulator keeps it (2.3.8 accepts it too).",
    shownBy: 'conformance',
    matches: never,
  },
  {
    id: 'https-port-increment',
    summary: 'the HTTPS port auto-increments like the HTTP one',
    reason:
      "SeaTunnel binds https-port (2.3.11: always 8443) as given, so a second member on the same host fails to start; simulator nodes " +
      "share a host, so each takes the first free port from it, within the HTTP listener's auto-increment and port-count.",
    shownBy: 'server',
    matches: never,
  },
  {
    id: 'pkcs12-only',
    summary: 'a JKS or JCEKS key store stops the node, with the keytool command that converts it to PKCS12',
    reason: "SeaTunnel on Java 9+ loads a JKS store too; Node's TLS reads PKCS12 only, so the node refuses at start rather than serving without TLS.",
    shownBy: 'server',
    matches: never,
  },
  {
    id: 'option-list-types',
    summary: "/option-rules names a list option's type java.util.List<java.lang.Integer>",
    reason: "SeaTunnel 3.x prints the anonymous class of its option builder with an identity hash (Options$OptionBuilder$…@hash) there, which no client can rely on and no simulator can reproduce.",
    shownBy: 'server',
    matches: never,
  },
  {
    id: 'sql-grammar-subset',
    summary: 'format=sql reads the statements SQL jobs use; CTEs and table functions get the parse 500',
    reason: "JSqlParser 4.9's whole grammar is far larger than what SeaTunnel SQL jobs use; a Java harness over the real parser and SeaTunnel's builder agreed with the reader on 112 jobs (60 accepted with identical HOCON, 52 refused).",
    shownBy: 'server',
    matches: never,
  },
  {
    id: 'openapi-path',
    summary: 'every node serves GET /openapi.json (v2 root or under context-path)',
    reason: "Ours, for client generators and contract tests; a real SeaTunnel answers that path with Jetty's 404 page.",
    shownBy: 'server',
    matches: never,
  },
  {
    id: 'listing-framing',
    summary: 'listings over 1 MB are chunked on v1 and v2; shorter ones carry a Content-Length on both',
    reason: "Hazelcast's REST (v1) always sends a Content-Length (recording 070_v1_thread-dump, 118 614 bytes) and Jetty (v2) chunks what outgrows its output buffer (088_v2_thread-dump); a node streams listings over 1 MB so 100 000 jobs are never in memory at once, and sends shorter ones whole. The bodies are the same bytes.",
    shownBy: 'rules',
    matches: never,
  },
];

export function explain(step: StepOutcome, difference: Difference): Deviation | undefined {
  return DEVIATIONS.find((d) => d.matches(step, difference));
}

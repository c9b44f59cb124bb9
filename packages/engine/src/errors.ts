/**
 * The one error type of the simulator. Whatever throws it, one middleware in the server renders it
 * the way SeaTunnel renders its own failures: `{"status":"fail","message":...}` with the status
 * code SeaTunnel uses for that situation.
 */
export class SeaTunnelError extends Error {
  constructor(
    readonly httpStatus: number,
    /** null reproduces Java exceptions without a message (v1 omits the key, v2 sends null). */
    readonly detail: string | null,
    /** SeaTunnel answers some failures with an empty body (e.g. IndexOutOfBounds on v1). */
    readonly emptyBody = false,
  ) {
    super(detail ?? `HTTP ${httpStatus}`);
    this.name = 'SeaTunnelError';
  }
}

// One function per situation, so every message is worded once, as SeaTunnel words it.

/** Java's NumberFormatException text, which SeaTunnel passes through as a 400. */
export const numberFormat = (input: string): SeaTunnelError =>
  new SeaTunnelError(400, `For input string: "${input}"`);

export const requestBodyEmpty = (): SeaTunnelError => new SeaTunnelError(400, 'Request body is empty.');

export const invalidJsonBody = (): SeaTunnelError =>
  new SeaTunnelError(400, 'Invalid JSON format in request body.');

export const jobIdRequiredForSavePoint = (): SeaTunnelError =>
  new SeaTunnelError(400, 'Please provide jobId when start with save point.');

export const invalidParamsFormat = (): SeaTunnelError =>
  new SeaTunnelError(400, 'Invalid Params format in Params.');

export const jobIdEmpty = (): SeaTunnelError => new SeaTunnelError(400, 'The jobId must not be empty.');

export const stopJobIdEmpty = (): SeaTunnelError => new SeaTunnelError(400, 'jobId cannot be empty.');

export const jsonParseListException = (): SeaTunnelError =>
  new SeaTunnelError(500, 'Json parse list exception!');

/** SeaTunnel's config layer (shaded Typesafe config) when a required block is absent. */
export const missingConfigKey = (key: string): SeaTunnelError =>
  new SeaTunnelError(500, `No configuration setting found for key '${key}'`);

/** A plugin config that the job parser rejects (SeaTunnel answers 500 with the parser's message). */
export const invalidJobConfig = (message: string): SeaTunnelError => new SeaTunnelError(500, message);

/**
 * CoordinatorService refusing an id it has seen, as the REST layer prints it: the JobException
 * twice over and its stack trace, whose first frame (`submitFrame`) differs by release.
 */
export const jobAlreadySubmitted = (jobId: string, submitFrame: string): SeaTunnelError =>
  new SeaTunnelError(
    500,
    'org.apache.seatunnel.engine.common.exception.JobException: org.apache.seatunnel.engine.common.exception.JobException: ' +
      `The job id ${jobId} has already been submitted and is not starting with a savepoint.\n` +
      `\tat org.apache.seatunnel.engine.server.CoordinatorService.${submitFrame}\n` +
      '\tat org.apache.seatunnel.api.tracing.MDCRunnable.run(MDCRunnable.java:39)\n' +
      '\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)\n' +
      '\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)\n' +
      '\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n' +
      '\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)\n' +
      '\tat java.base/java.lang.Thread.run(Thread.java:840)\n',
  );

/** ConfigShadeUtils' Preconditions.checkArgument on an empty plugin list (an IllegalArgumentException → 400). */
export const missPluginConfig = (kind: 'Source' | 'Sink'): SeaTunnelError =>
  new SeaTunnelError(400, `Miss <${kind}> config! Please check the config file.`);

export const bodyTooLarge = (limit: number): SeaTunnelError =>
  new SeaTunnelError(413, `Request body is larger than the configured limit of ${limit} bytes.`);

/** The Hazelcast cluster is unreachable: answered instead of hanging (not a SeaTunnel message). */
export const clusterUnavailable = (): SeaTunnelError =>
  new SeaTunnelError(503, 'The Hazelcast cluster is not reachable; retry when it is back.');

/**
 * This node's side of a network partition lacks the members' majority (Hazelcast's split-brain
 * protection refused the call): job state is served only where the majority is (not a SeaTunnel
 * message: SeaTunnel configures no split-brain protection).
 */
export const clusterWithoutQuorum = (): SeaTunnelError =>
  new SeaTunnelError(503, 'This node is cut off from the majority of the Hazelcast members (network partition); retry when it heals.');

/** A Java NullPointerException surfacing through SeaTunnel's REST layer: no message (v1 omits it, v2 sends null). */
export const nullPointer = (): SeaTunnelError => new SeaTunnelError(500, null);

/** A NullPointerException with Java 17's helpful message (`Cannot invoke "…" because "…" is null`). */
export const nullPointerOn = (detail: string): SeaTunnelError => new SeaTunnelError(500, `Cannot invoke ${detail}`);

/** Java's ClassCastException text (Java 11+), which SeaTunnel answers as a 500. */
export const classCast = (from: string, to: string): SeaTunnelError =>
  new SeaTunnelError(
    500,
    `class ${from} cannot be cast to class ${to} (${from} and ${to} are in module java.base of loader 'bootstrap')`,
  );

/**
 * Jackson's conversion failure for a body that is valid JSON but not an object (SeaTunnel's
 * `JsonUtils.toMap`): an IllegalArgumentException, so a 400. `found` is Jackson's description of
 * the value, e.g. "Array value (token `JsonToken.START_ARRAY`)"; a string gets its own wording.
 */
export const notAJsonObject = (found: { token: string } | { string: string }): SeaTunnelError => {
  const where = '\n at [Source: UNKNOWN; byte offset: #UNKNOWN]';
  if ('string' in found) {
    return new SeaTunnelError(
      400,
      'Cannot construct instance of `java.util.LinkedHashMap` (although at least one Creator exists): ' +
        `no String-argument constructor/factory method to deserialize from String value ('${found.string}')${where}`,
    );
  }
  return new SeaTunnelError(
    400,
    `Cannot deserialize value of type \`java.util.LinkedHashMap<java.lang.String,java.lang.Object>\` from ${found.token}${where}`,
  );
};

/** Java's `Collectors.toMap` on a repeated key (v1 overview with `?k=a&k=b`): an IllegalStateException → 500. */
export const duplicateKey = (key: string, first: string, second: string): SeaTunnelError =>
  new SeaTunnelError(500, `Duplicate key ${key} (attempted merging values ${first} and ${second})`);

/** A log file that is absent or not a plain name inside the log directory: SeaTunnel answers 400 with no body. */
export const logFileNotFound = (): SeaTunnelError => new SeaTunnelError(400, null, true);

/**
 * A Typesafe ConfigException while SeaTunnel parses or reads a HOCON job config (a RuntimeException,
 * so ExceptionHandlingFilter answers 500 with its message, e.g. `String: 3: Expecting close brace } …`).
 */
export const configException = (message: string): SeaTunnelError => new SeaTunnelError(500, message);

/**
 * ReadonlyConfig.fromConfig: the config rendered as JSON did not parse back (an unresolved `${…}`
 * renders as itself), an IllegalArgumentException → 400.
 */
export const jsonParsingException = (): SeaTunnelError => new SeaTunnelError(400, 'Json parsing exception.');

/** Jetty 9.4's Request.getParts on a request that is not multipart/form-data (a ServletException → 500). */
export const notMultipart = (contentType: string | undefined): SeaTunnelError =>
  new SeaTunnelError(500, `Unsupported Content-Type [${contentType ?? 'null'}], expected [multipart/form-data]`);

/** Jetty's IllegalStateException when a servlet reads a body it already parsed as form fields (500). */
export const bodyStreamed = (): SeaTunnelError => new SeaTunnelError(500, 'STREAMED');

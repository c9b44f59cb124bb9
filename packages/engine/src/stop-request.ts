import { classCast, numberFormat, stopJobIdEmpty } from './errors.js';
import { javaClass } from './java-class.js';
import { parseJobId } from './job-id.js';
import { isJsonObject, javaToString, LosslessNumber, type JsonValue } from './json.js';

export interface StopRequest {
  jobId: string;
  withSavepoint: boolean;
  /** The jobId as the request gave it, rendered with toString() (stop-job echoes it as a string). */
  echo: string;
}

/** One stop-job body: `{"jobId": <number|numeric string>, "isStopWithSavePoint": <bool|"true">}`. */
export function readStopRequest(body: JsonValue): StopRequest {
  if (!isJsonObject(body)) throw stopJobIdEmpty();
  const raw = body['jobId'];
  if (raw === undefined || raw === null || raw === '') throw stopJobIdEmpty();
  let text: string;
  if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'string') text = String(raw);
  else if (raw instanceof LosslessNumber) text = raw.toString();
  // Long.parseLong(value.toString()): Java's toString of a map or list (JSON.stringify would choke on a big integer inside).
  else throw numberFormat(javaToString(raw));
  const flag = body['isStopWithSavePoint'];
  return { jobId: parseJobId(text), withSavepoint: flag === true || flag === 'true', echo: text };
}

/**
 * The id stop-jobs echoes for one element: SeaTunnel casts Jackson's value to Long, so an id
 * Jackson reads as Integer (a small number), String or anything else fails with Java's
 * ClassCastException — after that job was stopped (shared/oracle/captures/2.3.8/extra/010).
 */
export function stopJobsEchoId(body: JsonValue): string {
  const raw = isJsonObject(body) ? body['jobId'] : undefined;
  const type = raw === undefined || raw === null ? 'java.lang.Object' : javaClass(raw);
  if (type !== 'java.lang.Long') throw classCast(type, 'java.lang.Long');
  return raw instanceof LosslessNumber ? raw.toString() : String(raw);
}

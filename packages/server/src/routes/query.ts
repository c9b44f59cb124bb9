import { duplicateKey, invalidParamsFormat, type SubmitParams } from '@seatunnel-sim/engine';
import type { ApiRequest } from '../http/api-types.js';

/**
 * v1's own query parser (Hazelcast REST has none): split on `&`, then on the first `=`, values
 * URL-decoded as UTF-8; a parameter without `=value` is refused as SeaTunnel refuses it.
 */
export function parseV1Query(rawQuery: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (rawQuery === '') return params;
  for (const pair of rawQuery.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw invalidParamsFormat();
    params[decode(pair.slice(0, eq))] = decode(pair.slice(eq + 1));
  }
  return params;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** submit-job's parameters, read the way the request's API version reads them. */
export function submitParams(req: ApiRequest): SubmitParams {
  const params = req.api === 'v1' ? parseV1Query(req.rawQuery) : req.query;
  return {
    jobId: params['jobId'],
    jobName: params['jobName'],
    isStartWithSavePoint: params['isStartWithSavePoint'],
    format: params['format'],
    restoreMode: params['restoreMode'],
    restoreSourceJobId: params['restoreSourceJobId'],
  };
}

/**
 * The raw-query reading of SeaTunnel's v1 handlers that take free-form parameters (overview tags,
 * log `format`): no URL-decoding, a pair needs `=`, one trailing slash of the URI is dropped, and a
 * repeated key fails as Java's `Collectors.toMap` fails.
 */
export function parseV1RawParams(rawQuery: string): Record<string, string> {
  const query = rawQuery.endsWith('/') ? rawQuery.slice(0, -1) : rawQuery;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const previous = params[key];
    if (previous !== undefined) throw duplicateKey(key, previous, value);
    params[key] = value;
  }
  return params;
}

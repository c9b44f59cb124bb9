import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExchangeAnswer, ExchangeRequest } from './exchange.js';

/**
 * One exchange recorded from a real SeaTunnel engine (`shared/oracle/captures/`): the request as
 * curl sent it, when, and the verbatim answer. `complete` is false where the recording kept only
 * the first bytes of a long body.
 */
export interface RecordedExchange {
  file: string;
  /** Port the engine answered on: 5801 = Hazelcast REST (v1), 8080 = Jetty (v2). */
  port: number;
  request: ExchangeRequest;
  sentAt: number;
  /** Seconds curl spent on the call. */
  seconds: number;
  answer: ExchangeAnswer;
  complete: boolean;
}

const line = (text: string, prefix: string): string | undefined =>
  text.split('\n').find((l) => l.startsWith(prefix))?.slice(prefix.length);

/** Parses one capture file (format: shared/oracle/README.md). */
export function parseCapture(file: string, text: string): RecordedExchange {
  const requestLine = line(text, 'REQUEST: ');
  const sent = line(text, 'SENT-AT: ');
  if (!requestLine || !sent) throw new Error(`${file}: not a capture (no REQUEST/SENT-AT line)`);
  const [method, href] = requestLine.split(' ') as [string, string];
  const url = new URL(href);
  const headers: Record<string, string> = {};
  for (const l of text.split('\n')) {
    const m = /^REQUEST-HEADER: ([^:]+): (.*)$/.exec(l);
    if (m) headers[m[1]!] = m[2]!;
  }
  const bodyLine = line(text, 'REQUEST-BODY: ');
  const sentMatch = /^(\S+)\s+curl-rc: \d+\s+status\+time: \d+ ([\d.]+)/.exec(sent);
  const headStart = text.indexOf('--- RESPONSE HEADERS');
  const bodyMarker = /--- RESPONSE BODY \((verbatim, (\d+) bytes|first (\d+) of (\d+) bytes)\) ---\n/.exec(text);
  if (headStart < 0 || !bodyMarker || !sentMatch) throw new Error(`${file}: response part missing`);
  const headLines = text.slice(text.indexOf('\n', headStart) + 1, bodyMarker.index).split('\n').filter((l) => l !== '');
  const statusLine = /^HTTP\/1\.1 (\d{3}) ?(.*)$/.exec(headLines[0] ?? '');
  if (!statusLine) throw new Error(`${file}: no status line`);
  const answerHeaders: Array<[string, string]> = headLines.slice(1).map((l) => {
    const colon = l.indexOf(':');
    return [l.slice(0, colon).toLowerCase(), l.slice(colon + 1).trim()];
  });
  const bodyStart = bodyMarker.index + bodyMarker[0].length;
  // The recorder ends the body with "\n--- END ---". (Not the marker's byte count: the jar paths
  // of running jobs were shortened to /opt/seatunnel/... after recording, the counts were not.)
  const end = text.lastIndexOf('\n--- END ---');
  const body = text.slice(bodyStart, end < bodyStart ? undefined : end);
  return {
    file,
    port: Number(url.port),
    request: { method, path: url.pathname + url.search, headers, ...(bodyLine === undefined || bodyLine === '(none)' ? {} : { body: bodyLine }) },
    sentAt: Date.parse(sentMatch[1]!),
    seconds: Number(sentMatch[2]),
    answer: { status: Number(statusLine[1]), reason: statusLine[2] ?? '', headers: answerHeaders, body },
    complete: bodyMarker[2] !== undefined,
  };
}

/** Every capture of a folder (not its sub-folders), in file-name order. */
export function readCaptures(dir: string): RecordedExchange[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}_.*\.txt$/.test(name))
    .sort()
    .map((name) => parseCapture(name, readFileSync(join(dir, name), 'utf8')));
}

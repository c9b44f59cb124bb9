import { request as httpRequest } from 'node:http';

/** One HTTP request as a scenario or a recording states it (path includes the query string). */
export interface ExchangeRequest {
  method: string;
  /** Path and query, e.g. `/hazelcast/rest/maps/job-info/123?x=1`. */
  path: string;
  headers: Record<string, string>;
  /** Request body; undefined = none. */
  body?: string;
}

/** An answer as it came off the wire: status line, headers in order, body text. */
export interface ExchangeAnswer {
  status: number;
  reason: string;
  /** Header names lower-cased, in the order they were sent. */
  headers: Array<[string, string]>;
  body: string;
}

export const header = (answer: ExchangeAnswer, name: string): string | undefined =>
  answer.headers.find(([key]) => key === name.toLowerCase())?.[1];

/** Sends one request to `baseUrl` (http://host:port) and reads the whole answer. */
export function send(baseUrl: string, req: ExchangeRequest, timeoutMillis = 30_000): Promise<ExchangeAnswer> {
  const url = new URL(req.path, baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: req.method, headers: { ...req.headers, ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}) }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: Array<[string, string]> = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
          resolve({ status: res.statusCode ?? 0, reason: res.statusMessage ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    outgoing.setTimeout(timeoutMillis, () => outgoing.destroy(new Error(`${req.method} ${url.href}: no answer within ${timeoutMillis} ms`)));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

import autocannon, { type Options } from 'autocannon';

/** One load run: throughput and latency (ms), from autocannon plus our own sub-millisecond samples. */
export interface LoadFigures {
  /** Requests per second (autocannon's mean over the run). */
  rps: number;
  /** Percentiles from every response's exact latency (autocannon's histogram is whole ms). */
  p50: number;
  p99: number;
  max: number;
  /** autocannon's own p99 (whole ms, corrected for coordinated omission when rate-limited). */
  p99Autocannon: number;
  requests: number;
  errors: number;
  non2xx: number;
  durationSeconds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs autocannon and gathers every response's latency; throws when the target answered errors. */
export async function load(options: Options, allowErrors = false): Promise<LoadFigures> {
  const latencies: number[] = [];
  const instance = autocannon({ timeout: 30, ...options });
  instance.on('response', (_client: unknown, status: number, _bytes: number, millis: number) => {
    if (status >= 200 && status < 300) latencies.push(millis);
  });
  const result = await instance;
  if (!allowErrors && (result.errors > 0 || result.non2xx > 0)) {
    throw new Error(`load on ${String(options.url)} got ${result.errors} errors and ${result.non2xx} non-2xx answers`);
  }
  latencies.sort((a, b) => a - b);
  return {
    rps: round(options.amount ? latencies.length / result.duration : result.requests.average, 1),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
    p99Autocannon: result.latency.p99,
    requests: latencies.length,
    errors: result.errors,
    non2xx: result.non2xx,
    durationSeconds: result.duration,
  };
}

/** Sequential timed requests (one connection): latency of a heavy call such as a listing. */
export async function timedGets(url: string, count: number): Promise<{ p50: number; p99: number; min: number; max: number; bytes: number; count: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    samples.push(performance.now() - start);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    bytes = body.byteLength;
  }
  samples.sort((a, b) => a - b);
  return {
    p50: round(percentile(samples, 50), 1),
    p99: round(percentile(samples, 99), 1),
    min: round(samples[0] ?? NaN, 1),
    max: round(samples[samples.length - 1] ?? NaN, 1),
    bytes,
    count,
  };
}

/**
 * A client that reads an answer slowly: `bytesPerSecond`, for at most `maxBytes`, then hangs up.
 * The server must hold back (backpressure) instead of buffering what the client has not read.
 */
export async function slowGet(url: string, bytesPerSecond: number, maxBytes: number): Promise<{ bytes: number; seconds: number }> {
  const { get } = await import('node:http');
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const request = get(url, (response) => {
      let bytes = 0;
      const done = (): void => {
        response.destroy();
        resolve({ bytes, seconds: Math.round((performance.now() - start) / 100) / 10 });
      };
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes >= maxBytes) return done();
        // Pause for as long as this chunk takes at the given rate: the socket's receive window
        // fills and the server's writes stall.
        const due = start + (bytes / bytesPerSecond) * 1000;
        const wait = due - performance.now();
        if (wait > 0) {
          response.pause();
          setTimeout(() => response.resume(), wait);
        }
      });
      response.on('end', done);
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

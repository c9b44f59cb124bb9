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

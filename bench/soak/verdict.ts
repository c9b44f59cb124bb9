import type { SoakError } from './workload.js';

/** One process at sampling time (null figures: it was not running then). */
export interface ProcessSample {
  pid: number;
  rssMb: number | null;
  fds: number | null;
}

/** The figures of one sampling window. */
export interface Sample {
  /** Minutes since the workload started. */
  minute: number;
  nodes: ProcessSample[];
  member: ProcessSample;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ops: Record<string, number>;
  jobsSubmitted: number;
  restarts: number;
  /** Wall time of each restart in this window (stop, start, ready). */
  restartMillis: number[];
  /** Files and bytes in the three nodes' log directories. */
  logFiles: number;
  logBytes: number;
}

/**
 * The bounds a soak must keep (bench/soak/README.md says why these figures):
 * - no error at all;
 * - a node process's RSS at most NODE_GROWTH_MB above that same process's first sample: a node
 *   holds no per-job state beyond its caches (lookup cache, capped), so a leak shows as growth
 *   that a restart resets; the allowance covers V8 growing its heap under load;
 * - the member's RSS at most MEMBER_GROWTH_MB above its first sample: history is capped by the
 *   1-minute retention, so the data stays level, and the JVM's heap (-Xmx512m) may still expand;
 * - open fds of each process at most FD_GROWTH above its first sample (sockets come and go; a
 *   leak of one per request or per job would pass it within a minute).
 */
export const NODE_GROWTH_MB = 64;
export const MEMBER_GROWTH_MB = 160;
export const FD_GROWTH = 40;

export interface Verdict {
  pass: boolean;
  findings: string[];
}

export function verdict(samples: readonly Sample[], errors: readonly SoakError[]): Verdict {
  const findings: string[] = [];
  let pass = true;
  const fail = (line: string): void => {
    pass = false;
    findings.push(`FAIL ${line}`);
  };
  if (samples.length < 2) fail(`only ${samples.length} sample(s): run at least two sampling windows`);
  if (errors.length > 0) fail(`${errors.length} error(s); first: ${errors[0]!.op} on ${errors[0]!.node}: ${errors[0]!.detail}`);
  else findings.push(`ok: no errors in ${samples.reduce((sum, s) => sum + s.requests, 0)} requests`);
  const check = (name: string, series: ProcessSample[], growthMb: number): void => {
    // Per process (pid): a restarted node is a new process with its own first sample.
    const byPid = new Map<number, ProcessSample[]>();
    for (const s of series) if (s.rssMb !== null) byPid.set(s.pid, [...(byPid.get(s.pid) ?? []), s]);
    for (const [pid, own] of byPid) {
      const first = own[0]!;
      const peak = Math.max(...own.map((s) => s.rssMb ?? 0));
      const line = `${name} pid ${pid}: RSS ${first.rssMb} → peak ${peak} MB over ${own.length} sample(s) (bound +${growthMb} MB)`;
      if (peak > first.rssMb! + growthMb) fail(line);
      else findings.push(`ok: ${line}`);
      const fds = own.map((s) => s.fds ?? 0);
      if (Math.max(...fds) > (first.fds ?? 0) + FD_GROWTH) fail(`${name} pid ${pid}: fds ${first.fds} → ${Math.max(...fds)} (bound +${FD_GROWTH})`);
    }
  };
  for (let i = 0; i < (samples[0]?.nodes.length ?? 0); i++) check(`node${i + 1}`, samples.map((s) => s.nodes[i]!), NODE_GROWTH_MB);
  check('member', samples.map((s) => s.member), MEMBER_GROWTH_MB);
  return { pass, findings };
}

import type { LoadFigures } from './load.js';
import type { EngineComparison, RssFigure } from './real-engine.js';

interface Timed {
  p50: number;
  p99: number;
  min: number;
  max: number;
  bytes: number;
  count: number;
}

/** One failover of node 3 (see bench/run.ts, phase failover). */
export interface FailoverFigures {
  jobs: number;
  heartbeatGoneSeconds: number;
  adoptedSeconds: number;
  stillRunning: number;
  adoptedBy: Record<string, number>;
  /** Jobs of the live nodes 1 and 2 whose owner changed meanwhile (must be 0). */
  liveJobsMoved?: number;
  /** [ms after the signal, jobs still owned by node 3] (the failover chart). */
  timeline?: [number, number][];
}

export interface Results {
  date: string;
  mode: 'quick' | 'full';
  command: string;
  machine: { cores: number; cpuModel: string; node: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
  settings: Record<string, unknown>;
  upSeconds?: number;
  startup?: { firstAnswerMs: number; readyMessageMs: number; runs: { firstAnswerMs: number; readyMessageMs: number }[]; codeCache?: boolean };
  lookup?: {
    connections: number;
    answerBytes: number;
    memberAnswerBytes: number;
    node: LoadFigures;
    member: LoadFigures;
    bare: LoadFigures;
    nodeVsMember: number;
    nodeVsBare: number;
    halfPeak: LoadFigures & { rate: number };
    rounds: { node: number; member: number; bare: number }[];
    /** Latency at rate-limited loads, fractions of the node's peak (the job-info latency chart). */
    curve?: { rate: number; achieved: number; p50: number; p99: number; p99Autocannon: number }[];
  };
  submit?: LoadFigures & { connections: number; drainSeconds: number };
  /** kill -9 of node 3; `frozen`: SIGSTOP of node 3 (measured first, then SIGCONT). */
  failover?: FailoverFigures & { frozen?: FailoverFigures };
  listing?: {
    jobs: number;
    seedSeconds: number;
    runningJobs: Timed;
    finishedJobs: Timed;
    /** With the N jobs running. */
    overview: Timed;
    /** With the N jobs in history. */
    overviewFinished: Timed;
    ownersStable: boolean;
    /** Node 1 with the N running jobs seeded, before any listing. */
    rssBeforeListingMB: number;
    rssAfterRunningMB: number;
    rssAfterMB: number;
    /** Node 1's peak RSS during the running-jobs / finished-jobs requests (VmHWM reset before each). */
    runningPeakRssMB: number;
    finishedPeakRssMB: number;
    /** running-jobs read by a slow client (bytesPerSecond, up to maxBytes), node 1's peak RSS meanwhile. */
    slowClient: { bytesPerSecond: number; maxBytes: number; bytes: number; seconds: number; peakRssMB: number };
  }[];
  footprint?: {
    idleRssMB: number;
    /** The Hazelcast member's RSS at the same moment (a java process). */
    memberIdleRssMB?: number;
    jobs?: number;
    /** With `jobs` running jobs in the cluster, before any listing of them. */
    rssWithJobsMB?: number;
    rssAfterListingMB?: number;
    settledRssMB?: number;
    settleSeconds?: number;
    rssSamplesMB?: number[];
    peakRssMB?: number;
  };
  /** The real SeaTunnel 2.3.8 engine next to the simulator (bench/real-engine.ts). */
  engine?: EngineComparison;
}

type Row = [string, string, string];

function rows(r: Results): Row[] {
  const out: Row[] = [];
  const l = r.lookup;
  if (l) {
    const fig = (f: LoadFigures) => `${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms`;
    out.push([`job-info on one node (${l.connections} connections, ${l.answerBytes} B)`, fig(l.node), `best of ${l.rounds.length} round(s)`]);
    out.push([`anchor: member REST read of the record (${l.memberAnswerBytes} B)`, fig(l.member), `node/member = ${l.nodeVsMember}`]);
    out.push([`anchor: bare node:http, constant ${l.answerBytes} B`, fig(l.bare), `node/bare = ${l.nodeVsBare}`]);
    out.push([`job-info at half of peak (${l.halfPeak.rate} req/s)`, `p50 ${l.halfPeak.p50} ms, p99 ${l.halfPeak.p99} ms (autocannon ${l.halfPeak.p99Autocannon} ms)`, 'goal p99 < 10 ms']);
  }
  for (const s of r.listing ?? []) {
    const t = (x: Timed) => `p50 ${x.p50} ms, max ${x.max} ms`;
    const peak = (mb: number) => `node peak RSS ${mb} MB${mb > 150 ? ' (goal ≤ 150 MB)' : ''}`;
    out.push([`running-jobs, ${s.jobs} jobs running`, `${t(s.runningJobs)} (${(s.runningJobs.bytes / 1e6).toFixed(1)} MB)`, `${s.jobs >= 100_000 ? 'goal last byte ≤ 500 ms; ' : ''}${peak(s.runningPeakRssMB)}`]);
    const slow = s.slowClient;
    out.push([`running-jobs, ${s.jobs} jobs, slow client (${slow.bytesPerSecond / 1e6} MB/s)`, `${(slow.bytes / 1e6).toFixed(1)} MB read in ${slow.seconds} s`, peak(slow.peakRssMB)]);
    out.push([`overview, ${s.jobs} jobs running`, t(s.overview), s.ownersStable ? '' : 'jobs changed owner meanwhile!']);
    out.push([`finished-jobs, ${s.jobs} jobs in history`, `${t(s.finishedJobs)} (${(s.finishedJobs.bytes / 1e6).toFixed(1)} MB)`, `${s.jobs >= 100_000 ? 'goal last byte ≤ 500 ms; ' : ''}${peak(s.finishedPeakRssMB)}`]);
    out.push([`overview, ${s.jobs} jobs in history`, t(s.overviewFinished), '']);
  }
  if (r.submit) out.push(['submit-job, round-robin over 3 nodes (12 connections)', `${Math.round(r.submit.rps)} jobs/s, p50 ${r.submit.p50} ms, p99 ${r.submit.p99} ms`, '']);
  if (r.failover) {
    out.push([`failover: kill -9 of a node owning ${r.failover.jobs} running jobs`, `all adopted after ${r.failover.adoptedSeconds} s (heartbeat gone ${r.failover.heartbeatGoneSeconds} s; live nodes' jobs moved: ${r.failover.liveJobsMoved ?? '?'})`, 'goal ≤ 1 s']);
    const frozen = r.failover.frozen;
    if (frozen) out.push([`failover: SIGSTOP of a node owning ${frozen.jobs} running jobs`, `all adopted after ${frozen.adoptedSeconds} s (heartbeat gone ${frozen.heartbeatGoneSeconds} s; live nodes' jobs moved: ${frozen.liveJobsMoved ?? '?'})`, 'goal ≤ 2 s']);
  }
  if (r.footprint) {
    out.push(['node RSS idle', `${r.footprint.idleRssMB} MB`, '']);
    if (r.footprint.jobs !== undefined) {
      out.push([`node RSS with ${r.footprint.jobs} jobs running in the cluster, at rest`, `${r.footprint.rssWithJobsMB} MB`, 'goal < 150 MB']);
      out.push([
        `node RSS with ${r.footprint.jobs} jobs in the cluster, after the listings`,
        `${r.footprint.rssAfterListingMB} MB 1 s after, ${r.footprint.settledRssMB} MB ${r.footprint.settleSeconds} s after (peak during them ${r.footprint.peakRssMB} MB)`,
        'goal < 150 MB',
      ]);
    }
  }
  if (r.startup) out.push(['node startup (process start → first answer)', `${r.startup.firstAnswerMs} ms (ready message ${r.startup.readyMessageMs} ms${r.startup.codeCache === undefined ? '' : r.startup.codeCache ? '; V8 code cache used' : '; no V8 code cache'})`, 'goal < 400 ms']);
  if (r.upSeconds !== undefined) out.push(['cluster up (1 member + 3 nodes)', `${r.upSeconds} s`, '']);
  return out;
}

export function renderTable(r: Results): string {
  const all = rows(r);
  const widths = [0, 1, 2].map((i) => Math.max(...all.map((row) => row[i as 0 | 1 | 2].length)));
  const line = (row: Row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const header = `${r.mode} run, ${r.machine.cores} cores, node ${r.machine.node}, load average ${r.machine.loadAverageAtStart.join(' ')} at start`;
  return [header, ...all.map(line)].join('\n');
}

export function renderMarkdown(r: Results): string {
  const lines = [
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC with \`${r.command}\` on ${r.machine.cores} cores (${r.machine.cpuModel}), Node.js ${r.machine.node}; ` +
      `load average ${r.machine.loadAverageAtStart.join(' ')} at start, ${(r.machine.loadAverageAtEnd ?? []).join(' ')} at the end.`,
    '',
    '| What | Result | Note |',
    '|---|---|---|',
    ...rows(r).map((row) => `| ${row.join(' | ')} |`),
  ];
  if (r.engine) lines.push('', renderEngineComparison(r.engine));
  return lines.join('\n');
}

/** The simulator next to the real SeaTunnel engine, figure by figure, as a Markdown table. */
export function renderEngineComparison(e: EngineComparison): string {
  const ratio = (sim: number, engine: number): string => (engine > 0 && Number.isFinite(sim / engine) ? `${(sim / engine).toFixed(sim / engine >= 10 ? 0 : 2)}×` : '–');
  const rss = (f: RssFigure): string => `${f.totalMB} MB${Object.keys(f.processesMB).length > 1 ? ` (${Object.entries(f.processesMB).map(([name, mb]) => `${name} ${mb}`).join(' + ')})` : ''}`;
  const { sim, engine } = e;
  const jobs = engine.finishedListing.jobs;
  const rows: [string, string, string, string][] = [
    [`job-info req/s (${e.jobInfoConnections} connections)`, `${Math.round(sim.jobInfo.rps)}`, `${Math.round(engine.jobInfo.rps)}`, ratio(sim.jobInfo.rps, engine.jobInfo.rps)],
    ['job-info p99', `${sim.jobInfo.p99} ms`, `${engine.jobInfo.p99} ms`, ratio(sim.jobInfo.p99, engine.jobInfo.p99)],
    [`submit-job jobs/s (${e.submitConnections} connections, batch job of 5 rows)`, `${Math.round(sim.submit.rps)}`, `${Math.round(engine.submit.rps)}`, ratio(sim.submit.rps, engine.submit.rps)],
    ['submit-job p99', `${sim.submit.p99} ms`, `${engine.submit.p99} ms`, ratio(sim.submit.p99, engine.submit.p99)],
    [
      `finished-jobs, ${jobs} jobs in history (p50, last byte)`,
      `${sim.finishedListing.p50} ms (${(sim.finishedListing.bytes / 1e6).toFixed(2)} MB)`,
      `${engine.finishedListing.p50} ms (${(engine.finishedListing.bytes / 1e6).toFixed(2)} MB)`,
      ratio(sim.finishedListing.p50, engine.finishedListing.p50),
    ],
    ['start-up (process start → first 200)', `${sim.startupMs} ms`, `${engine.startupMs} ms`, ratio(sim.startupMs, engine.startupMs)],
    ['RSS idle', rss(sim.rssIdle), rss(engine.rssIdle), ratio(sim.rssIdle.totalMB, engine.rssIdle.totalMB)],
    ['RSS after the load', rss(sim.rssAfterLoad), rss(engine.rssAfterLoad), ratio(sim.rssAfterLoad.totalMB, engine.rssAfterLoad.totalMB)],
  ];
  const notes = [
    `The real engine: SeaTunnel ${e.engineVersion} (-Xmx${e.heap}, the differential tests' launcher) on port ${e.port}; the simulator: one node and its Hazelcast member, ` +
      `measured in the same phase the same way.`,
    `History: the engine took ${e.listing.engineAccepted} batch jobs (target ${e.listing.targetJobs}, at most ${e.listing.budgetSeconds} s of submitting with at most ${e.listing.backlog} running, ` +
      `then ${e.listing.engineDrainSeconds} s until only the streaming job ran; ` +
      `${e.listing.engineFinishedOk} of the ${jobs} in its history ended FINISHED${e.listing.engineStillRunning > 0 ? `, ${e.listing.engineStillRunning} still running while it was listed` : ''}); ` +
      `the simulator was given exactly ${jobs} the same way.`,
  ];
  return [
    '| Figure | seatunnel-sim | SeaTunnel 2.3.8 | sim ÷ engine |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    ...notes,
  ].join('\n');
}

/** Each goal of the benchmark issue with the figure that decides it. */
export function renderGoals(r: Results): string {
  const lines: string[] = [];
  const mark = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : '**not met**');
  const l = r.lookup;
  if (l) {
    lines.push(`- Job lookup at least as fast as the member's own REST read: ${mark(l.node.rps >= l.member.rps)} (${Math.round(l.node.rps)} vs ${Math.round(l.member.rps)} req/s, ${l.nodeVsMember}×).`);
    const p99 = Math.max(l.halfPeak.p99, l.halfPeak.p99Autocannon);
    lines.push(`- p99 < 10 ms at half of peak: ${mark(p99 < 10)} (${l.halfPeak.p99} ms exact, ${l.halfPeak.p99Autocannon} ms by autocannon's coordinated-omission-corrected histogram, at ${l.halfPeak.rate} req/s).`);
    lines.push(`- Job lookup at ≥ 0.9× the bare node:http server of the same run: ${mark(l.nodeVsBare >= 0.9)} (${Math.round(l.node.rps)} vs ${Math.round(l.bare.rps)} req/s, ${l.nodeVsBare}×).`);
  }
  if (r.submit) lines.push(`- Submit ≥ 5 000 jobs/s over 3 nodes: ${mark(r.submit.rps >= 5000)} (${Math.round(r.submit.rps)} jobs/s, p99 ${r.submit.p99} ms).`);
  const tenK = r.listing?.find((s) => s.jobs === 10_000);
  if (tenK) lines.push(`- running-jobs with 10 000 jobs < 200 ms: ${mark(tenK.runningJobs.p50 < 200)} (p50 ${tenK.runningJobs.p50} ms, max ${tenK.runningJobs.max} ms of ${tenK.runningJobs.count}).`);
  if (r.failover) {
    lines.push(`- Failover after kill -9 ≤ 1 s: ${mark(r.failover.adoptedSeconds <= 1 && r.failover.liveJobsMoved === 0)} (${r.failover.adoptedSeconds} s. The live nodes probe a peer whose heartbeat is 500 ms late on its liveness port (a thread of its own) and adopt its jobs by compare-and-set, 16 at a time, as soon as that port refuses connections; the registry entry itself expired after ${r.failover.heartbeatGoneSeconds} s — a 3 s TTL renewed by a 750 ms heartbeat).`);
    const frozen = r.failover.frozen;
    if (frozen) lines.push(`- Failover of a frozen node (SIGSTOP) ≤ 2 s: ${mark(frozen.adoptedSeconds <= 2 && frozen.liveJobsMoved === 0)} (${frozen.adoptedSeconds} s: its liveness thread, frozen too, gave no answer within 500 ms once its heartbeat was 1.25 s late; live nodes' jobs moved: ${frozen.liveJobsMoved}).`);
  }
  const largest = r.listing?.[r.listing.length - 1];
  if (largest && largest.jobs >= 100_000) {
    const last = Math.max(largest.runningJobs.p50, largest.finishedJobs.p50);
    lines.push(`- running-jobs and finished-jobs over ${largest.jobs} jobs, last byte ≤ 500 ms: ${mark(last <= 500)} (p50 ${largest.runningJobs.p50} and ${largest.finishedJobs.p50} ms).`);
  }
  if (r.listing && r.listing.length > 0) {
    const peaks = r.listing.flatMap((s) => [
      [`running-jobs ${s.jobs}`, s.runningPeakRssMB],
      [`finished-jobs ${s.jobs}`, s.finishedPeakRssMB],
      [`slow client ${s.jobs}`, s.slowClient.peakRssMB],
    ] as [string, number][]);
    const worst = peaks.reduce((a, b) => (b[1] > a[1] ? b : a));
    lines.push(`- Node RSS ≤ 150 MB during any listing, at any size, and for a slow client: ${mark(worst[1] <= 150)} (highest peak ${worst[1]} MB, ${worst[0]}; ${peaks.map(([what, mb]) => `${what}: ${mb}`).join(', ')}).`);
  }
  const f = r.footprint;
  if (f?.jobs !== undefined) {
    const settledAt = f.rssSamplesMB?.findIndex((mb) => mb < 150) ?? -1;
    lines.push(
      `- Node < 150 MB RSS with ${f.jobs} jobs: ${mark((f.rssWithJobsMB ?? Infinity) < 150 && (f.settledRssMB ?? Infinity) < 150)} at rest ` +
        `(${f.rssWithJobsMB} MB with ${f.jobs} jobs running in the cluster, ${f.settledRssMB} MB ${f.settleSeconds} s after the listings), ` +
        `**not met** during and right after a listing of all of them (peak ${f.peakRssMB} MB, ${f.rssAfterListingMB} MB 1 s after` +
        `${settledAt >= 0 ? `, below 150 MB again ${settledAt + 2} s after` : ''}: V8 gives the listing's garbage back only after a full GC, which it runs once the node is idle).`,
    );
  }
  if (r.startup) lines.push(`- Node answering within 400 ms of start: ${mark(r.startup.firstAnswerMs < 400)} (${r.startup.firstAnswerMs} ms, median of ${r.startup.runs.length}; the node starts from the one-file bundle, scripts/bundle-node.mjs, compiled with its V8 code cache).`);
  return lines.join('\n');
}

/** Before/after table of the headline figures (the same bench run on the code before the optimisations). */
export function renderComparison(before: Results, after: Results): string {
  const rows: [string, string, string][] = [];
  const rps = (r: Results) => (r.lookup ? `${Math.round(r.lookup.node.rps)} req/s (${r.lookup.nodeVsMember}× the member)` : '–');
  rows.push(['job-info req/s on one node', rps(before), rps(after)]);
  const half = (r: Results) => (r.lookup ? `${r.lookup.halfPeak.p99} ms at ${r.lookup.halfPeak.rate} req/s` : '–');
  rows.push(['job-info p99 at half of peak', half(before), half(after)]);
  for (const scale of after.listing ?? []) {
    const b = before.listing?.find((s) => s.jobs === scale.jobs);
    const ms = (t: { p50: number } | undefined) => (t ? `${t.p50} ms` : '–');
    rows.push([`running-jobs, ${scale.jobs} jobs`, ms(b?.runningJobs), ms(scale.runningJobs)]);
    rows.push([`finished-jobs, ${scale.jobs} jobs`, ms(b?.finishedJobs), ms(scale.finishedJobs)]);
    rows.push([`overview, ${scale.jobs} jobs running`, `${ms(b?.overview)}${b && !b.ownersStable ? ' (heartbeats lapsed: jobs changed owner)' : ''}`, ms(scale.overview)]);
  }
  const peak = (r: Results) => (r.footprint?.peakRssMB !== undefined ? `${r.footprint.peakRssMB} MB` : '–');
  rows.push(['node peak RSS during the listings', peak(before), peak(after)]);
  const settled = (r: Results) => (r.footprint?.rssAfterListingMB !== undefined ? `${r.footprint.rssAfterListingMB} MB` : '–');
  rows.push(['node RSS 1 s after the 100 000-job listings', settled(before), settled(after)]);
  const submit = (r: Results) => (r.submit ? `${Math.round(r.submit.rps)} jobs/s` : '–');
  rows.push(['submit-job over 3 nodes', submit(before), submit(after)]);
  const startup = (r: Results) => (r.startup ? `${r.startup.firstAnswerMs} ms` : '–');
  rows.push(['node startup', startup(before), startup(after)]);
  return [
    `Before: ${before.date.slice(0, 16).replace('T', ' ')} UTC, load average ${before.machine.loadAverageAtStart.join(' ')} at start; after: this run.`,
    '',
    '| Figure | Before | After |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

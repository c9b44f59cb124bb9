// The bench's figures as SVG charts (see svg-chart.ts): listing time and node peak RSS against the
// number of jobs, job-info latency against offered load, and the failover timeline.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from './report.js';
import { lineChart } from './svg-chart.js';

/** Writes every chart the results have data for into `dir`; returns the file names written. */
export function writeCharts(results: Results, dir: string): string[] {
  const written: string[] = [];
  const write = (name: string, svg: string): void => {
    writeFileSync(join(dir, name), svg);
    written.push(name);
  };
  const subtitle = `${results.mode} run, ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.machine.cores} cores, load average ${results.machine.loadAverageAtStart.join(' ')} at start`;
  const listing = results.listing ?? [];
  if (listing.length > 0) {
    write(
      'listing-time.svg',
      lineChart({
        title: 'Listing time (p50, last byte)',
        subtitle,
        xLabel: 'jobs in the cluster',
        yLabel: 'ms',
        logX: true,
        series: [
          { name: 'running-jobs', points: listing.map((s) => [s.jobs, s.runningJobs.p50]) },
          { name: 'finished-jobs', points: listing.map((s) => [s.jobs, s.finishedJobs.p50]) },
          { name: 'overview (running)', points: listing.map((s) => [s.jobs, s.overview.p50]), dashed: true },
        ],
        goals: [{ y: 500, label: 'goal 500 ms' }],
      }),
    );
    write(
      'listing-rss.svg',
      lineChart({
        title: 'Node peak RSS while listing',
        subtitle,
        xLabel: 'jobs in the cluster',
        yLabel: 'MB',
        logX: true,
        series: [
          { name: 'running-jobs', points: listing.map((s) => [s.jobs, s.runningPeakRssMB]) },
          { name: 'finished-jobs', points: listing.map((s) => [s.jobs, s.finishedPeakRssMB]) },
          { name: 'slow client', points: listing.map((s) => [s.jobs, s.slowClient.peakRssMB]) },
          { name: 'at rest, before', points: listing.map((s) => [s.jobs, s.rssBeforeListingMB]), dashed: true },
        ],
        goals: [{ y: 150, label: 'goal 150 MB' }],
      }),
    );
  }
  const curve = results.lookup?.curve;
  if (curve && curve.length > 0) {
    write(
      'job-info-latency.svg',
      lineChart({
        title: 'job-info latency against offered load',
        subtitle,
        xLabel: 'offered load (req/s)',
        yLabel: 'ms',
        series: [
          { name: 'p50', points: curve.map((c) => [c.rate, c.p50]) },
          { name: 'p99', points: curve.map((c) => [c.rate, c.p99]) },
          { name: 'p99 (autocannon, CO)', points: curve.map((c) => [c.rate, c.p99Autocannon]), dashed: true },
        ],
      }),
    );
  }
  const failover = results.failover;
  if (failover?.timeline && failover.timeline.length > 0) {
    write(
      'failover-timeline.svg',
      lineChart({
        title: 'Failover after kill -9 and after SIGSTOP',
        subtitle,
        xLabel: 'ms after the signal',
        yLabel: 'jobs still owned by the node',
        steps: true,
        series: [
          { name: 'kill -9', points: failover.timeline },
          ...(failover.frozen?.timeline ? [{ name: 'SIGSTOP (frozen)', points: failover.frozen.timeline, dashed: true }] : []),
        ],
        markers: [
          { x: failover.adoptedSeconds * 1000, label: 'killed: all adopted' },
          ...(failover.frozen ? [{ x: failover.frozen.adoptedSeconds * 1000, label: 'frozen: all adopted' }] : []),
          { x: failover.heartbeatGoneSeconds * 1000, label: 'registry entry gone' },
        ],
      }),
    );
  }
  return written;
}

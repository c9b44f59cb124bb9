import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { HealthSample } from '@seatunnel-sim/engine';

/** GC totals of this process, kept by one observer (GC is per process, whatever the number of nodes in it). */
const gc = { minorCount: 0, minorMillis: 0, majorCount: 0, majorMillis: 0 };
let gcObserved = false;

function observeGc(): void {
  if (gcObserved) return;
  gcObserved = true;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } | null }).detail?.kind;
      // Scavenges are V8's young-generation (minor) collections; mark-compact and the rest count as major.
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        gc.minorCount++;
        gc.minorMillis += entry.duration;
      } else {
        gc.majorCount++;
        gc.majorMillis += entry.duration;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
}

/** Swap figures from /proc/meminfo (Linux); zeros where the platform has none to give. */
function swap(): { total: number; free: number } {
  try {
    const text = readFileSync('/proc/meminfo', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { total: kb('SwapTotal'), free: kb('SwapFree') };
  } catch {
    return { total: 0, free: 0 };
  }
}

/** The process's real thread count from /proc (Linux); elsewhere the threads Node starts by default. */
function threadCount(): number {
  try {
    const match = /^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return 1 + libuvPoolSize() + V8_POOL_SIZE;
}

/** libuv's thread pool size (UV_THREADPOOL_SIZE, default 4). */
export function libuvPoolSize(): number {
  const size = Number(process.env['UV_THREADPOOL_SIZE']);
  return Number.isInteger(size) && size > 0 ? Math.min(size, 1024) : 4;
}

/** V8's platform worker pool (`--v8-pool-size`, default 4). */
export const V8_POOL_SIZE = ((): number => {
  const flag = process.execArgv.find((arg) => arg.startsWith('--v8-pool-size='));
  const size = flag ? Number(flag.split('=')[1]) : NaN;
  return Number.isInteger(size) && size > 0 ? size : 4;
})();

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const cpu of cpus()) {
    idle += cpu.times.idle;
    total += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.idle + cpu.times.irq;
  }
  return { idle, total };
}

/**
 * Samples this process the way SeaTunnel's health monitor samples its JVM: CPU loads are the
 * shares used since the previous sample; counters (GC, operations) accumulate.
 */
export class ProcessHealth {
  private lastCpu = process.cpuUsage();
  private lastAt = process.hrtime.bigint();
  private lastSystem = cpuTimes();
  private peakThreads = 0;
  private samples = 0;

  constructor(private readonly proxyCount: number) {
    observeGc();
  }

  sample(): HealthSample {
    const now = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const system = cpuTimes();
    const processors = availableParallelism();
    const elapsedMicros = Number(now - this.lastAt) / 1000;
    const usedMicros = cpu.user - this.lastCpu.user + (cpu.system - this.lastCpu.system);
    const processCpuPercent = elapsedMicros > 0 ? Math.min(100, (100 * usedMicros) / (elapsedMicros * processors)) : 0;
    const totalDelta = system.total - this.lastSystem.total;
    const systemCpuPercent = totalDelta > 0 ? 100 * (1 - (system.idle - this.lastSystem.idle) / totalDelta) : 0;
    this.lastCpu = cpu;
    this.lastAt = now;
    this.lastSystem = system;
    const heap = getHeapStatistics();
    const swapSpace = swap();
    const threads = threadCount();
    this.peakThreads = Math.max(this.peakThreads, threads);
    this.samples++;
    return {
      processors,
      physicalMemoryTotal: totalmem(),
      physicalMemoryFree: freemem(),
      swapTotal: swapSpace.total,
      swapFree: swapSpace.free,
      heapUsed: heap.used_heap_size,
      heapTotal: heap.total_heap_size,
      heapMax: heap.heap_size_limit,
      minorGcCount: gc.minorCount,
      minorGcMillis: gc.minorMillis,
      majorGcCount: gc.majorCount,
      majorGcMillis: gc.majorMillis,
      processCpuPercent,
      systemCpuPercent,
      loadAverage: loadavg()[0] ?? 0,
      threadCount: threads,
      threadPeakCount: this.peakThreads,
      // Each sample rides on one heartbeat, a Hazelcast operation this node completed.
      operationsCompleted: this.samples,
      proxyCount: this.proxyCount,
    };
  }
}

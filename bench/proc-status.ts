import { readFileSync } from 'node:fs';

/** A process's resident set (VmRSS) and its peak since start or the last reset (VmHWM), in MB, from /proc. */
export function procStatus(pid: number): { rssMB: number; hwmMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(/(\d+)\s*kB/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1] ?? NaN);
  return { rssMB: Math.round(kb('VmRSS:') / 102.4) / 10, hwmMB: Math.round(kb('VmHWM:') / 102.4) / 10 };
}

import { readdirSync, statSync } from 'node:fs';
import { readdir, rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * When a node's own log file rolls over, as SeaTunnel's shipped log4j2.properties rolls
 * `fileAppender`: a new file each day (TimeBasedTriggeringPolicy) or once it reaches
 * `file_split_size` (100MB), the old one renamed `<name>.<yyyy-MM-dd>-<i>`; rolled files beyond
 * `file_count` (100) or older than `file_ttl` (7d) are deleted (DefaultRolloverStrategy's Delete action).
 */
export interface RolloverPolicy {
  maxBytes: number;
  maxFiles: number;
  maxAgeDays: number;
}

/** The shipped log4j2.properties' figures. */
export const SEATUNNEL_ROLLOVER: RolloverPolicy = { maxBytes: 100 * 1024 * 1024, maxFiles: 100, maxAgeDays: 7 };

const DAY_MILLIS = 86_400_000;

/** The date part of a rolled file's name (log4j's %d{yyyy-MM-dd}, UTC as the log lines' times). */
const dayOf = (millis: number): string => new Date(millis).toISOString().slice(0, 10);

/** `<name>.<yyyy-MM-dd>-<i>` → its date and index; null for any other name. */
function parseRolled(name: string, file: string): { day: string; index: number } | null {
  if (!file.startsWith(`${name}.`)) return null;
  const match = /^(\d{4}-\d{2}-\d{2})-(\d+)$/.exec(file.slice(name.length + 1));
  return match ? { day: match[1]!, index: Number(match[2]) } : null;
}

/**
 * The size and day of one growing log file, and what to do before a line is appended: the caller
 * (one write chain per file) asks `before(line, now)` and runs `roll` when told to. Times are the
 * simulation clock's, the same as the lines' own timestamps, so an advanced clock rolls the day too.
 */
export class RollingFile {
  private size: number;
  private day: string | null;

  constructor(
    private readonly dir: string,
    readonly name: string,
    private readonly policy: RolloverPolicy,
  ) {
    // A restarted node appends to the file it left, as log4j's append = true does.
    try {
      const stat = statSync(resolve(dir, name));
      this.size = stat.size;
      this.day = stat.size > 0 ? dayOf(stat.mtimeMs) : null;
    } catch {
      this.size = 0;
      this.day = null;
    }
  }

  /** Whether the file must roll before `bytes` more written at `now` (a non-empty file only). */
  due(bytes: number, now: number): boolean {
    if (this.size === 0) return false;
    return this.size + bytes > this.policy.maxBytes || (this.day !== null && this.day !== dayOf(now));
  }

  /** Accounts for `bytes` appended at `now`. */
  wrote(bytes: number, now: number): void {
    this.size += bytes;
    this.day = dayOf(now);
  }

  /**
   * Renames the file to the next free `<name>.<day>-<i>` of the day its lines were written, then
   * deletes rolled files past the count or older than the age (by their names' dates).
   */
  async roll(now: number): Promise<void> {
    const day = this.day ?? dayOf(now);
    const rolled = this.rolledFiles(readdirSync(this.dir));
    const index = Math.max(0, ...rolled.filter((f) => f.day === day).map((f) => f.index)) + 1;
    await rename(resolve(this.dir, this.name), resolve(this.dir, `${this.name}.${day}-${index}`));
    this.size = 0;
    this.day = null;
    await this.prune(now);
  }

  /** Deletes rolled files beyond `maxFiles` (oldest first) or older than `maxAgeDays`. */
  async prune(now: number): Promise<void> {
    const rolled = this.rolledFiles(await readdir(this.dir)).sort((a, b) => (a.day === b.day ? b.index - a.index : a.day < b.day ? 1 : -1));
    const oldestKept = dayOf(now - this.policy.maxAgeDays * DAY_MILLIS);
    const doomed = rolled.filter((file, i) => i >= this.policy.maxFiles || file.day < oldestKept);
    await Promise.all(doomed.map((file) => unlink(resolve(this.dir, file.file)).catch(() => undefined)));
  }

  private rolledFiles(files: string[]): Array<{ file: string; day: string; index: number }> {
    return files.flatMap((file) => {
      const parsed = parseRolled(this.name, file);
      return parsed ? [{ file, ...parsed }] : [];
    });
  }
}

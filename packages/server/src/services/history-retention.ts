import type { JobRecord } from '@seatunnel-sim/engine';
import type { HistoryTerms } from '@seatunnel-sim/cluster';

/**
 * How long finished jobs stay in history (`history-job-expire-minutes`), in simulation time. Each
 * history entry carries its deadline, and the drivers sweep history by the simulation clock; the
 * entry also gets a Hazelcast TTL of the same span in wall time at the cluster's speed, which only
 * ever fires later than the deadline (the simulation clock runs `speed` times faster, and `/_sim`
 * only moves it forward), so entries still go when no driver sweeps.
 */
export class HistoryRetention {
  /** Simulation-clock ms a finished job is kept. */
  readonly ttlMillis: number;
  private readonly entryTtlMillis: number;

  constructor(expireMinutes: number, speed: number) {
    this.ttlMillis = expireMinutes * 60_000;
    this.entryTtlMillis = Math.max(1, Math.ceil(this.ttlMillis / speed));
  }

  /** The terms of an ended job archived at `now`: kept for the retention from when it ended. */
  termsFor(record: JobRecord, now: number): HistoryTerms {
    return { expiresAt: (record.finishTime ?? now) + this.ttlMillis, entryTtlMillis: this.entryTtlMillis };
  }
}

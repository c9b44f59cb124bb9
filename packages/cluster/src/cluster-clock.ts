import { HazelcastJsonValue, type IMap } from 'hazelcast-client';
import type { HazelcastClient } from './hazelcast-client.js';
import { MAPS } from './map-names.js';

/**
 * The cluster's simulation clock: sim time = anchorSim + (wall − anchorReal) × speed. One shared
 * document, so every node computes the same job progress; `advance` moves it forward for all
 * nodes at once (tests of long jobs finish in milliseconds).
 */
export interface ClockState {
  anchorReal: number;
  anchorSim: number;
  speed: number;
}

const KEY = 'clock';

export class ClusterClock {
  private state: ClockState;

  private constructor(private readonly map: IMap<string, HazelcastJsonValue>, state: ClockState) {
    this.state = state;
  }

  /** Joins the cluster clock; the first node to start sets the speed (others log if theirs differs). */
  static async open(client: HazelcastClient, speed: number): Promise<ClusterClock> {
    const map = await client.getMap<string, HazelcastJsonValue>(MAPS.cluster);
    const now = Date.now();
    const initial: ClockState = { anchorReal: now, anchorSim: now, speed };
    const existing = await map.putIfAbsent(KEY, new HazelcastJsonValue(JSON.stringify(initial)));
    const clock = new ClusterClock(map, existing ? (JSON.parse(existing.toString()) as ClockState) : initial);
    await map.addEntryListener(
      {
        added: (event) => clock.accept(event.value),
        updated: (event) => clock.accept(event.value),
      },
      KEY,
      true,
    );
    return clock;
  }

  private accept(value: HazelcastJsonValue | undefined | null): void {
    if (value) this.state = JSON.parse(value.toString()) as ClockState;
  }

  now(): number {
    const s = this.state;
    return Math.floor(s.anchorSim + (Date.now() - s.anchorReal) * s.speed);
  }

  get speed(): number {
    return this.state.speed;
  }

  /** Re-reads the shared state (after a write on another node, before the listener delivers it). */
  async refresh(): Promise<void> {
    this.accept(await this.map.get(KEY));
  }

  /** Moves simulation time forward by `millis` for the whole cluster (compare-and-set). */
  async advance(millis: number): Promise<number> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const raw = await this.map.get(KEY);
      const current = raw ? (JSON.parse(raw.toString()) as ClockState) : this.state;
      const wall = Date.now();
      const sim = current.anchorSim + (wall - current.anchorReal) * current.speed;
      const next: ClockState = { anchorReal: wall, anchorSim: Math.floor(sim + millis), speed: current.speed };
      const value = new HazelcastJsonValue(JSON.stringify(next));
      const ok = raw ? await this.map.replaceIfSame(KEY, raw, value) : (await this.map.putIfAbsent(KEY, value)) === null;
      if (ok) {
        this.state = next;
        return this.now();
      }
    }
    throw new Error('clock advance kept losing the compare-and-set');
  }
}

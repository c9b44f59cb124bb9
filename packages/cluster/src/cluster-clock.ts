import { MAPS } from './map-names.js';
import type { DocBackend, DocMap } from './store/doc-map.js';

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

  private constructor(private readonly map: DocMap, state: ClockState) {
    this.state = state;
  }

  /** Joins the cluster clock; the first node to start sets the speed (others log if theirs differs). */
  static async open(backend: DocBackend, speed: number): Promise<ClusterClock> {
    const map = await backend.map(MAPS.cluster);
    const now = Date.now();
    const initial: ClockState = { anchorReal: now, anchorSim: now, speed };
    const existing = await map.putIfAbsent(KEY, JSON.stringify(initial));
    const clock = new ClusterClock(map, existing ? (JSON.parse(existing.text) as ClockState) : initial);
    await map.listen({ changed: () => undefined, cleared: () => undefined, value: (_key, text) => clock.accept(text) }, KEY);
    return clock;
  }

  private accept(text: string | null | undefined): void {
    if (text) this.state = JSON.parse(text) as ClockState;
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
    this.accept((await this.map.get(KEY))?.text);
  }

  /** Moves simulation time forward by `millis` for the whole cluster (compare-and-set). */
  async advance(millis: number): Promise<number> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const doc = await this.map.get(KEY);
      const current = doc ? (JSON.parse(doc.text) as ClockState) : this.state;
      const wall = Date.now();
      const sim = current.anchorSim + (wall - current.anchorReal) * current.speed;
      const next: ClockState = { anchorReal: wall, anchorSim: Math.floor(sim + millis), speed: current.speed };
      const text = JSON.stringify(next);
      const ok = doc ? await this.map.replaceIfSame(KEY, doc.witness, text) : (await this.map.putIfAbsent(KEY, text)) === null;
      if (ok) {
        this.state = next;
        return this.now();
      }
    }
    throw new Error('clock advance kept losing the compare-and-set');
  }
}

import { matchesFilter, type DocBackend, type DocEntry, type DocFilter, type DocListener, type DocMap, type Versioned, type Witness } from './doc-map.js';

/**
 * The in-process DocMap: what `seatunnel-sim up --store memory` shares between the nodes of one
 * process instead of Hazelcast IMaps. It gives the semantics the Hazelcast adapter
 * (hazelcast-doc-map.ts over a 5.6 member) gives, so the stores written over DocMap behave alike:
 *
 * - Compare-and-set compares VALUES, as Hazelcast compares the serialized bytes of the expected
 *   value with the stored one: a witness is the text that was read (wrapped in a frozen object),
 *   and `replaceIfSame` / `removeIfSame` succeed whenever the current text equals it — even if the
 *   key was rewritten in between with the same text (A → B → A). Callers that need to see such
 *   rewrites put a version in the document, as the job and slot records do.
 * - Time-to-live, per write (Hazelcast 4+/5, see hazelcast/hazelcast#10965 and the 5.x
 *   DefaultRecordStore.putInternal → ExpirySystemImpl.add → ExpirationTimeSetter.pickTTLMillis):
 *   a TTL > 0 lives that long from this write; TTL 0 is forever; no TTL (undefined or negative, as
 *   the Node.js client sends -1) takes the map's configured default, which is "forever" unless
 *   `defaultTtlMillis` is given. This applies to every write, updates included: a `set` without a
 *   TTL makes an expiring entry eternal, and so does `replaceIfSame` (IMap.replace takes no TTL;
 *   the member resets the entry to the map default — checked on a 5.6.0 member: getEntryView
 *   reports ttl = Long.MAX_VALUE after replace). The one difference: this map expires to the
 *   millisecond, while a 5.6 member keeps TTLs in whole seconds (truncated, at least 1 s: 150 ms
 *   and 1500 ms → 1 s, 2500 ms → 2 s) counted from the write time cut to the second, so there an
 *   entry lives between that TTL minus a second and that TTL (measured on a 5.6.0 member).
 * - Expired entries are invisible to every read at once (each operation first expires what is
 *   due), and are reported to listeners as a change when they go: by a timer at the earliest
 *   expiry (unref'd, so it never keeps the process alive), or by the next operation on the map.
 * - Listeners hear of every add, update (even to the same text), removal and expiry, never of a
 *   write that did not happen (a lost compare-and-set, a putIfAbsent that found a document, a
 *   delete of a missing key). Delivery is asynchronous (a microtask per change, in write order),
 *   to the listeners in place when the write happened; an exception thrown by a listener is
 *   reported to `onListenerError` and never reaches the writer or the other listeners.
 * - Queries evaluate `matchesFilter` on the parsed document, parsed once per stored text and kept
 *   with it (its top-level scalar fields: all a filter can match). A text that is not a JSON object
 *   (malformed, an array, a number) is a document with no fields, as a member's queries treat it
 *   (measured): it matches only `all` and `not` filters.
 * - Every method returns a Promise, like the remote API; nothing mutable is shared with callers
 *   (documents are strings, witnesses are frozen, every list returned is a fresh array).
 */

/** What a witness of this map holds: the text that was read. Frozen; compared by value. */
class TextWitness {
  constructor(readonly text: string) {
    Object.freeze(this);
  }
}

const witnessFor = (text: string): Witness => new TextWitness(text) as unknown as Witness;

function witnessText(witness: Witness): string {
  const w: unknown = witness;
  if (w instanceof TextWitness) return w.text;
  throw new TypeError('not a witness read from an in-memory DocMap');
}

/** A document as stored: immutable but for its parsed form, filled in by the first query. */
interface Slot {
  readonly text: string;
  readonly witness: Witness;
  /** Epoch ms at which the entry expires; Infinity when it never does. */
  readonly expiresAt: number;
  doc: Readonly<Record<string, unknown>> | undefined;
}

/** A document that is not a JSON object: no fields at all. */
const NO_FIELDS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

/**
 * The fields a filter can test: a document's top-level strings, numbers, booleans and nulls.
 * Filters compare values with strings and numbers only, so a nested object or array never matches
 * (and `not` of it always does) — as when the field is left out. Keeping only these keeps the
 * parse cache small (a job's config and metrics are not held twice).
 */
function parseDoc(text: string): Readonly<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NO_FIELDS;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return NO_FIELDS;
  const fields: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(value)) {
    if (v === null || typeof v !== 'object') fields[field] = v;
  }
  return fields;
}

/** setTimeout's longest delay (about 24.8 days); later expiries are re-armed when it fires. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1;

interface Due {
  at: number;
  key: string;
  slot: Slot;
}

/** A binary min-heap of expiries (entries are left in place when overwritten, and skipped when due). */
class ExpiryHeap {
  private items: Due[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Due | undefined {
    return this.items[0];
  }

  push(item: Due): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (p.at <= item.at) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  pop(): Due | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    const n = items.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && items[right]!.at < items[left]!.at ? right : left;
      if (items[child]!.at >= last.at) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }

  /** Rebuilds the heap from the live entries (drops the stale ones). */
  rebuild(live: Iterable<[string, Slot]>): void {
    this.items = [];
    for (const [key, slot] of live) if (slot.expiresAt !== Infinity) this.push({ at: slot.expiresAt, key, slot });
  }
}

export interface MemoryDocMapOptions {
  /**
   * The map's configured time-to-live in ms (Hazelcast's `time-to-live-seconds`): what writes
   * without a TTL of their own get, updates included. Default: none (such entries never expire).
   */
  defaultTtlMillis?: number;
  /** Where exceptions thrown by listeners go; default: a process warning. They never reach the writer. */
  onListenerError?: (error: unknown) => void;
}

const warnListenerError = (error: unknown): void => {
  process.emitWarning(error instanceof Error ? error : String(error), 'DocListenerError');
};

function checkTtl(ttlMillis: number | undefined, what: string): void {
  if (ttlMillis !== undefined && (typeof ttlMillis !== 'number' || Number.isNaN(ttlMillis))) {
    throw new RangeError(`${what} must be a number of milliseconds, got ${String(ttlMillis)}`);
  }
}

/** A map of JSON documents in this process, with Hazelcast IMap semantics (see the top of this file). */
export class MemoryDocMap implements DocMap {
  private readonly entries = new Map<string, Slot>();
  private readonly expiries = new ExpiryHeap();
  private readonly allKeyListeners: DocListener[] = [];
  private readonly keyListeners = new Map<string, DocListener[]>();
  private readonly defaultTtlMillis: number;
  private readonly onListenerError: (error: unknown) => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private closed = false;

  constructor(options: MemoryDocMapOptions = {}) {
    checkTtl(options.defaultTtlMillis, 'defaultTtlMillis');
    this.defaultTtlMillis = Math.max(0, options.defaultTtlMillis ?? 0);
    this.onListenerError = options.onListenerError ?? warnListenerError;
  }

  async get(key: string): Promise<Versioned | null> {
    this.expireDue(Date.now());
    const slot = this.entries.get(key);
    return slot ? { text: slot.text, witness: slot.witness } : null;
  }

  async getAll(keys: readonly string[]): Promise<Array<[string, string]>> {
    this.expireDue(Date.now());
    const result: Array<[string, string]> = [];
    for (const key of new Set(keys)) {
      const slot = this.entries.get(key);
      if (slot) result.push([key, slot.text]);
    }
    return result;
  }

  async putIfAbsent(key: string, text: string, ttlMillis?: number): Promise<Versioned | null> {
    checkTtl(ttlMillis, 'ttlMillis');
    const now = Date.now();
    this.expireDue(now);
    const existing = this.entries.get(key);
    if (existing) return { text: existing.text, witness: existing.witness };
    this.write(key, text, this.expiryOf(ttlMillis, now));
    return null;
  }

  witnessOf(text: string): Witness {
    return witnessFor(text);
  }

  /** Like IMap.replace(key, expected, update): the entry's TTL becomes the map default (none: forever). */
  async replaceIfSame(key: string, witness: Witness, text: string): Promise<boolean> {
    const expected = witnessText(witness);
    const now = Date.now();
    this.expireDue(now);
    const current = this.entries.get(key);
    if (!current || current.text !== expected) return false;
    this.write(key, text, this.expiryOf(undefined, now));
    return true;
  }

  async set(key: string, text: string, ttlMillis?: number): Promise<void> {
    checkTtl(ttlMillis, 'ttlMillis');
    const now = Date.now();
    this.expireDue(now);
    this.write(key, text, this.expiryOf(ttlMillis, now));
  }

  async removeIfSame(key: string, witness: Witness): Promise<boolean> {
    const expected = witnessText(witness);
    this.expireDue(Date.now());
    const current = this.entries.get(key);
    if (!current || current.text !== expected) return false;
    this.remove(key);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.expireDue(Date.now());
    if (this.entries.has(key)) this.remove(key);
  }

  async size(): Promise<number> {
    this.expireDue(Date.now());
    return this.entries.size;
  }

  async keys(): Promise<string[]> {
    this.expireDue(Date.now());
    return [...this.entries.keys()];
  }

  async values(): Promise<string[]> {
    this.expireDue(Date.now());
    const result: string[] = [];
    for (const slot of this.entries.values()) result.push(slot.text);
    return result;
  }

  async query(filter: DocFilter): Promise<DocEntry[]> {
    this.expireDue(Date.now());
    const result: DocEntry[] = [];
    for (const [key, slot] of this.entries) {
      if (this.matches(slot, filter)) result.push({ key, text: slot.text, witness: slot.witness });
    }
    return result;
  }

  async count(filter: DocFilter): Promise<number> {
    this.expireDue(Date.now());
    let n = 0;
    for (const slot of this.entries.values()) if (this.matches(slot, filter)) n++;
    return n;
  }

  async removeAll(filter: DocFilter): Promise<void> {
    this.expireDue(Date.now());
    const doomed: string[] = [];
    for (const [key, slot] of this.entries) if (this.matches(slot, filter)) doomed.push(key);
    for (const key of doomed) this.remove(key);
  }

  /** One process's map is never partitioned, so nothing is ever merged into it. */
  async onMerged(): Promise<void> {}

  async listen(listener: DocListener, key?: string): Promise<void> {
    if (key === undefined) {
      this.allKeyListeners.push(listener);
      return;
    }
    const listeners = this.keyListeners.get(key);
    if (listeners) listeners.push(listener);
    else this.keyListeners.set(key, [listener]);
  }

  /**
   * Stops the expiry timer for good (the process may exit; `MemoryDocBackend.close` calls it). The
   * map still answers: expired entries stay invisible and are reported by the next operation.
   */
  close(): void {
    this.closed = true;
    this.cancelTimer();
  }

  /** When an entry written now with this TTL expires (see the top of this file). */
  private expiryOf(ttlMillis: number | undefined, now: number): number {
    const ttl = ttlMillis === undefined || ttlMillis < 0 ? this.defaultTtlMillis : ttlMillis;
    return ttl > 0 ? now + ttl : Infinity;
  }

  private matches(slot: Slot, filter: DocFilter): boolean {
    if ('all' in filter) return true;
    let doc = slot.doc;
    if (doc === undefined) doc = slot.doc = parseDoc(slot.text);
    return matchesFilter(doc as Record<string, unknown>, filter);
  }

  private write(key: string, text: string, expiresAt: number): void {
    const previous = this.entries.get(key);
    // The parsed form goes with the text: a rewrite with the same text keeps it.
    const doc = previous !== undefined && previous.text === text ? previous.doc : undefined;
    const slot: Slot = { text, witness: previous !== undefined && previous.text === text ? previous.witness : witnessFor(text), expiresAt, doc };
    this.entries.set(key, slot);
    if (expiresAt !== Infinity) {
      this.expiries.push({ at: expiresAt, key, slot });
      // Overwritten entries stay in the heap until due; rebuild if they come to dominate it.
      if (this.expiries.size > 1024 && this.expiries.size > 2 * this.entries.size) this.expiries.rebuild(this.entries);
      this.schedule();
    }
    this.emit(key, text);
  }

  private remove(key: string): void {
    this.entries.delete(key);
    this.emit(key, null);
  }

  /** Expires every entry due at `now` (reporting each to the listeners). */
  private expireDue(now: number): void {
    for (let top = this.expiries.peek(); top !== undefined && top.at <= now; top = this.expiries.peek()) {
      this.expiries.pop();
      if (this.entries.get(top.key) === top.slot) this.remove(top.key);
    }
  }

  private schedule(): void {
    if (this.closed) return;
    const top = this.expiries.peek();
    if (top === undefined) {
      this.cancelTimer();
      return;
    }
    if (this.timer !== undefined && this.timerAt <= top.at) return;
    this.cancelTimer();
    const now = Date.now();
    const delay = Math.min(Math.max(top.at - now, 0), MAX_TIMER_MILLIS);
    this.timerAt = now + delay;
    this.timer = setTimeout(this.onTimer, delay);
    this.timer.unref();
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    this.timerAt = Infinity;
    this.expireDue(Date.now());
    this.schedule();
  };

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  /** Tells the listeners in place now of a change, on a later microtask. */
  private emit(key: string, text: string | null): void {
    const forKey = this.keyListeners.get(key);
    if (this.allKeyListeners.length === 0 && forKey === undefined) return;
    const all = this.allKeyListeners.length > 0 ? [...this.allKeyListeners] : undefined;
    const watchers = forKey !== undefined ? [...forKey] : undefined;
    queueMicrotask(() => {
      if (all) for (const listener of all) this.deliver(() => listener.changed(key));
      if (watchers) {
        for (const listener of watchers) {
          this.deliver(() => listener.changed(key));
          if (listener.value) this.deliver(() => listener.value?.(key, text));
        }
      }
    });
  }

  private deliver(call: () => void): void {
    try {
      call();
    } catch (error) {
      try {
        this.onListenerError(error);
      } catch {
        // Nowhere left to report it; the writer must not see it.
      }
    }
  }
}

export interface MemoryDocBackendOptions {
  /**
   * Per map name, the map's configured time-to-live in ms (as `time-to-live-seconds` in
   * config/hazelcast-member.yaml). Maps not named have none.
   */
  defaultTtlMillis?: Readonly<Record<string, number>>;
  /** Where exceptions thrown by listeners go; default: a process warning. */
  onListenerError?: (error: unknown) => void;
}

/**
 * Hazelcast FlakeIdGenerator's layout (its defaults): 41 bits of ms since 2018-01-01T00:00:00Z,
 * 6 bits of sequence, 16 bits of member id — SeaTunnel's job ids come from one of these.
 */
const FLAKE_EPOCH_MILLIS = 1_514_764_800_000;
const FLAKE_SEQUENCE_BITS = 6n;
const FLAKE_NODE_BITS = 16n;
const FLAKE_SEQUENCE_STEP = 1n << FLAKE_NODE_BITS;
/** This process's "member id" in the low bits (random: two processes' ids rarely collide). */
const FLAKE_NODE_ID = BigInt(1 + Math.floor(Math.random() * 0xfffe));
/** Shared by every backend and generator of the process: ids strictly increase across all of them. */
let lastFlakeId = 0n;

/**
 * The next id: the current time's first id, or — when more than 64 were taken within one ms — the
 * next sequence number, running ahead of the clock as a Hazelcast member does (it lends up to 15 s
 * from the future, then waits; this never waits).
 */
function nextFlakeId(): bigint {
  const fromClock = (BigInt(Date.now() - FLAKE_EPOCH_MILLIS) << (FLAKE_SEQUENCE_BITS + FLAKE_NODE_BITS)) | FLAKE_NODE_ID;
  const next = lastFlakeId + FLAKE_SEQUENCE_STEP;
  lastFlakeId = next > fromClock ? next : fromClock;
  return lastFlakeId;
}

/** The maps and id generators of one process: every node of `up --store memory` shares one. */
export class MemoryDocBackend implements DocBackend {
  private readonly maps = new Map<string, MemoryDocMap>();
  private closed = false;

  constructor(private readonly options: MemoryDocBackendOptions = {}) {}

  /** The map of this name: the same instance for every caller (every node of the process). */
  async map(name: string): Promise<MemoryDocMap> {
    let map = this.maps.get(name);
    if (!map) {
      const ttls = this.options.defaultTtlMillis;
      const defaultTtlMillis = ttls !== undefined && Object.hasOwn(ttls, name) ? ttls[name] : undefined;
      map = new MemoryDocMap({
        ...(defaultTtlMillis !== undefined ? { defaultTtlMillis } : {}),
        ...(this.options.onListenerError ? { onListenerError: this.options.onListenerError } : {}),
      });
      if (this.closed) map.close();
      this.maps.set(name, map);
    }
    return map;
  }

  /** A fresh 64-bit id shaped like a Hazelcast FlakeIdGenerator's, e.g. 1179863409882038273. */
  async newId(_generator: string): Promise<string> {
    return nextFlakeId().toString();
  }

  /** Stops every map's expiry timer (the data stays readable). */
  close(): void {
    this.closed = true;
    for (const map of this.maps.values()) map.close();
  }
}

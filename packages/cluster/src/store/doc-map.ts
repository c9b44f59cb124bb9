/**
 * The storage primitive every shared structure of the simulator is built on: a map of JSON
 * documents by key, with compare-and-set writes, optional per-entry time-to-live, queries over
 * top-level document fields, and change notifications. Hazelcast's IMap implements it for a real
 * cluster (hazelcast-doc-map.ts); an in-process map implements it for one process without Java
 * (memory-doc-map.ts). Jobs, nodes, slot reservations and the clock are written over it once.
 */

/**
 * What a compare-and-set must find unchanged: the exact value that was read. Opaque outside the
 * implementation that produced it (a HazelcastJsonValue, a string…).
 */
export type Witness = { readonly __witness: unique symbol };

/** A document as read: its JSON text and the witness a later compare-and-set checks against. */
export interface Versioned {
  text: string;
  witness: Witness;
}

/** A document with its key, as queries return them. */
export interface DocEntry extends Versioned {
  key: string;
}

/**
 * The query vocabulary: conditions on top-level fields of the JSON documents (Hazelcast can answer
 * them from its indexes), combined with and / or / not.
 */
export type DocFilter =
  | { all: true }
  | { field: string; equals: string | number }
  | { field: string; in: readonly (string | number)[] }
  | { field: string; atMost: number }
  | { and: readonly DocFilter[] }
  | { or: readonly DocFilter[] }
  | { not: DocFilter };

/** Change notifications: a key was added, changed or left (removed, expired), or the map was cleared. */
export interface DocListener {
  changed(key: string): void;
  cleared(): void;
  /** Only for `watchValue`: the key's new text (null when it left). */
  value?(key: string, text: string | null): void;
}

export interface DocMap {
  get(key: string): Promise<Versioned | null>;
  /** The documents among `keys` (missing ones left out), in no particular order. */
  getAll(keys: readonly string[]): Promise<Array<[string, string]>>;
  /** Stores `text` unless the key exists; returns the existing document, or null when it stored. */
  putIfAbsent(key: string, text: string, ttlMillis?: number): Promise<Versioned | null>;
  /**
   * The witness of a document with this text, as this map would read it back: a writer that has
   * just stored `text` can compare-and-set against its own write without reading it again.
   */
  witnessOf(text: string): Witness;
  /** Replaces the document only if it is still exactly what `witness` was read from. */
  replaceIfSame(key: string, witness: Witness, text: string): Promise<boolean>;
  /** Stores unconditionally (with a time-to-live in wall-clock ms, if given). */
  set(key: string, text: string, ttlMillis?: number): Promise<void>;
  /** Removes the key only if its document is still exactly `witness`'s. */
  removeIfSame(key: string, witness: Witness): Promise<boolean>;
  /** Removes the key whatever it holds. */
  delete(key: string): Promise<void>;
  size(): Promise<number>;
  keys(): Promise<string[]>;
  values(): Promise<string[]>;
  /** Documents matching the filter, with their witnesses. */
  query(filter: DocFilter): Promise<DocEntry[]>;
  count(filter: DocFilter): Promise<number>;
  removeAll(filter: DocFilter): Promise<void>;
  /** Notifies of every change (all keys, or one key). Resolves once the listener is in place. */
  listen(listener: DocListener, key?: string): Promise<void>;
  /**
   * Notifies of keys written by a merge after a network partition healed (the member's merge
   * policy chose a copy from the other side). A store that cannot be partitioned never calls it.
   */
  onMerged(merged: (key: string) => void): Promise<void>;
}

/** Where a store's maps and id generator live. */
export interface DocBackend {
  map(name: string): Promise<DocMap>;
  /** A fresh 64-bit id (decimal text) from the named generator; unique across the cluster. */
  newId(generator: string): Promise<string>;
}

/**
 * Evaluates a filter against a parsed document (the in-memory map's query engine; Hazelcast
 * answers filters itself). Fields compare as Hazelcast's predicates do: equality by value,
 * `atMost` numerically, a missing field matches nothing but `not`.
 */
export function matchesFilter(doc: Record<string, unknown>, filter: DocFilter): boolean {
  if ('all' in filter) return true;
  if ('and' in filter) return filter.and.every((f) => matchesFilter(doc, f));
  if ('or' in filter) return filter.or.some((f) => matchesFilter(doc, f));
  if ('not' in filter) return !matchesFilter(doc, filter.not);
  const value = doc[filter.field];
  if ('equals' in filter) return value === filter.equals;
  if ('in' in filter) return filter.in.includes(value as string | number);
  return typeof value === 'number' && value <= filter.atMost;
}

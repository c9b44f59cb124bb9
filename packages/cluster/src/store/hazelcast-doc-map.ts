import { Aggregators, HazelcastJsonValue, Predicates, type IMap, type MapListener, type Predicate } from 'hazelcast-client';
import type { HazelcastClient } from '../hazelcast-client.js';
import type { DocBackend, DocEntry, DocFilter, DocListener, DocMap, Versioned, Witness } from './doc-map.js';

type RawMap = IMap<string, HazelcastJsonValue>;

/** The value read is the witness: replaceIfSame sends it back and the member compares the bytes. */
const versioned = (raw: HazelcastJsonValue): Versioned => ({ text: raw.toString(), witness: raw as unknown as Witness });
const json = (text: string): HazelcastJsonValue => new HazelcastJsonValue(text);

/** The filter vocabulary as Hazelcast predicates (answered from the member's indexes where it has them). */
export function toPredicate(filter: DocFilter): Predicate {
  if ('all' in filter) return Predicates.alwaysTrue();
  if ('and' in filter) return Predicates.and(...filter.and.map(toPredicate));
  if ('or' in filter) return Predicates.or(...filter.or.map(toPredicate));
  if ('not' in filter) return Predicates.not(toPredicate(filter.not));
  if ('equals' in filter) return Predicates.equal(filter.field, filter.equals);
  if ('in' in filter) return Predicates.inPredicate(filter.field, ...filter.in);
  return Predicates.lessEqual(filter.field, filter.atMost);
}

/** DocMap over a Hazelcast IMap of HazelcastJsonValue (members can index and query the documents). */
export class HazelcastDocMap implements DocMap {
  constructor(private readonly map: RawMap) {}

  async get(key: string): Promise<Versioned | null> {
    const raw = await this.map.get(key);
    return raw ? versioned(raw) : null;
  }

  async getAll(keys: readonly string[]): Promise<Array<[string, string]>> {
    if (keys.length === 0) return [];
    return (await this.map.getAll([...keys])).map(([key, raw]) => [key, raw.toString()]);
  }

  async putIfAbsent(key: string, text: string, ttlMillis?: number): Promise<Versioned | null> {
    const previous = await this.map.putIfAbsent(key, json(text), ttlMillis);
    return previous === null || previous === undefined ? null : versioned(previous);
  }

  /** Hazelcast compares a stored value with the bytes sent: the same text is the same witness. */
  witnessOf(text: string): Witness {
    return json(text) as unknown as Witness;
  }

  replaceIfSame(key: string, witness: Witness, text: string): Promise<boolean> {
    return this.map.replaceIfSame(key, witness as unknown as HazelcastJsonValue, json(text));
  }

  async set(key: string, text: string, ttlMillis?: number): Promise<void> {
    await this.map.set(key, json(text), ttlMillis);
  }

  async removeIfSame(key: string, witness: Witness): Promise<boolean> {
    return (await this.map.remove(key, witness as unknown as HazelcastJsonValue)) as boolean;
  }

  async delete(key: string): Promise<void> {
    await this.map.delete(key);
  }

  size(): Promise<number> {
    return this.map.size();
  }

  keys(): Promise<string[]> {
    return this.map.keySet();
  }

  async values(): Promise<string[]> {
    return (await this.map.values()).toArray().map((raw) => raw.toString());
  }

  async query(filter: DocFilter): Promise<DocEntry[]> {
    const entries = await this.map.entrySetWithPredicate(toPredicate(filter));
    return entries.map(([key, raw]) => ({ key, ...versioned(raw) }));
  }

  async count(filter: DocFilter): Promise<number> {
    return Number(await this.map.aggregateWithPredicate(Aggregators.count(), toPredicate(filter)));
  }

  async removeAll(filter: DocFilter): Promise<void> {
    await this.map.removeAll(toPredicate(filter));
  }

  async listen(listener: DocListener, key?: string): Promise<void> {
    const changed = (event: { key: string }): void => listener.changed(event.key);
    const withValue = (event: { key: string; value: HazelcastJsonValue | null | undefined }): void => {
      listener.changed(event.key);
      listener.value?.(event.key, event.value ? event.value.toString() : null);
    };
    const gone = (event: { key: string }): void => {
      listener.changed(event.key);
      listener.value?.(event.key, null);
    };
    const handlers: MapListener<string, HazelcastJsonValue> = {
      // Adds too: a reader may have cached that the key was absent, or a copy from the other map
      // of a pair (a job restored from history into the running map).
      added: key !== undefined ? withValue : changed,
      updated: key !== undefined ? withValue : changed,
      removed: gone,
      evicted: gone,
      expired: gone,
      merged: key !== undefined ? withValue : changed,
      mapCleared: () => listener.cleared(),
      mapEvicted: () => listener.cleared(),
    };
    if (key !== undefined) await this.map.addEntryListener(handlers, key, true);
    else await this.map.addEntryListener(handlers, undefined, false);
  }

  /** A listener with only a merged handler: the member sends it merge events and nothing else. */
  async onMerged(merged: (key: string) => void): Promise<void> {
    await this.map.addEntryListener({ merged: (event: { key: string }) => merged(event.key) }, undefined, false);
  }
}

/** The maps and id generators of a Hazelcast cluster. */
export class HazelcastDocBackend implements DocBackend {
  private readonly maps = new Map<string, Promise<DocMap>>();

  constructor(private readonly client: HazelcastClient) {}

  map(name: string): Promise<DocMap> {
    let map = this.maps.get(name);
    if (!map) {
      map = this.client.getMap<string, HazelcastJsonValue>(name).then((raw) => new HazelcastDocMap(raw));
      this.maps.set(name, map);
    }
    return map;
  }

  async newId(generator: string): Promise<string> {
    const ids = await this.client.getFlakeIdGenerator(generator);
    return (await ids.newId()).toString();
  }
}

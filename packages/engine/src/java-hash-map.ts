/**
 * The iteration order of a `java.util.HashMap` filled with `keys` in that order, for SeaTunnel
 * answers built from one (the job `metrics` object and its per-table maps): keys in bucket order,
 * insertion order within a bucket. Buckets follow `String.hashCode()` spread as HashMap spreads it,
 * in a table that starts at 16 and doubles while more than 3/4 full.
 */
export function javaHashMapOrder(keys: readonly string[], initialCapacity = 16): string[] {
  if (keys.length < 2) return [...keys];
  let capacity = initialCapacity;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const mask = capacity - 1;
  return keys
    .map((key, index) => ({ key, index, bucket: spreadHash(javaStringHash(key)) & mask }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.key);
}

/**
 * The order of a HashMap filled by `putAll` into an empty map (or built by Hazelcast's
 * deserialisation, `createHashMap(size)`): both size the table for the entries up front, to
 * `tableSizeFor(size / 0.75 + 1)`. A job's envOptions reach the REST answer this way: five keys
 * sit in 8 buckets, not 16 (a real 2.3.8 engine, test/differential).
 */
export function javaPresizedHashMapOrder(keys: readonly string[]): string[] {
  const wanted = Math.floor(keys.length / 0.75 + 1);
  let capacity = 1;
  while (capacity < wanted) capacity *= 2;
  return javaHashMapOrder(keys, capacity);
}

/** `String.hashCode()`: over UTF-16 code units, 32-bit wrap-around. */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

/** HashMap.hash(): the high half folded into the low half. */
const spreadHash = (hash: number): number => (hash ^ (hash >>> 16)) >>> 0;

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { DocFilter, DocListener, Witness } from '../src/store/doc-map.js';
import { MemoryDocBackend, MemoryDocMap } from '../src/store/memory-doc-map.js';

/**
 * The in-memory DocMap against the semantics of a Hazelcast IMap (see memory-doc-map.ts): value
 * compare-and-set, per-write TTL, expiry visible at once and reported, listeners, filters, ids.
 */

const maps: MemoryDocMap[] = [];
const fresh = (options?: ConstructorParameters<typeof MemoryDocMap>[0]): MemoryDocMap => {
  const map = new MemoryDocMap(options);
  maps.push(map);
  return map;
};
after(() => {
  for (const map of maps) map.close();
});

/** Records what listeners hear, as "changed:key" and "value:key=text". */
function recorder(): { events: string[]; listener: DocListener } {
  const events: string[] = [];
  return {
    events,
    listener: {
      changed: (key) => events.push(`changed:${key}`),
      cleared: () => events.push('cleared'),
      value: (key, text) => events.push(`value:${key}=${text}`),
    },
  };
}

/** Lets queued microtask deliveries run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function eventually(what: string, check: () => boolean | Promise<boolean>, millis = 2_000): Promise<void> {
  const deadline = Date.now() + millis;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(10);
  }
  assert.fail(`${what} did not happen within ${millis} ms`);
}

describe('MemoryDocMap: reads and writes', () => {
  it('gets what was set, with a witness; null for a missing key', async () => {
    const map = fresh();
    assert.equal(await map.get('k'), null);
    await map.set('k', '{"a":1}');
    const doc = await map.get('k');
    assert.equal(doc?.text, '{"a":1}');
    assert.ok(doc?.witness);
    assert.ok(Object.isFrozen(doc.witness), 'witnesses are immutable');
    assert.equal(await map.size(), 1);
    assert.deepEqual(await map.keys(), ['k']);
    assert.deepEqual(await map.values(), ['{"a":1}']);
  });

  it('getAll leaves out missing keys and reads each key once', async () => {
    const map = fresh();
    await map.set('a', '{"n":1}');
    await map.set('b', '{"n":2}');
    const all = await map.getAll(['a', 'missing', 'b', 'a']);
    assert.deepEqual(all.sort(), [['a', '{"n":1}'], ['b', '{"n":2}']]);
    assert.deepEqual(await map.getAll([]), []);
    assert.deepEqual(await map.getAll(['nope']), []);
  });

  it('hands out fresh arrays and objects: changing them changes nothing stored', async () => {
    const map = fresh();
    await map.set('a', '{"n":1}');
    const keys = await map.keys();
    keys.push('x');
    const values = await map.values();
    values[0] = 'mutated';
    const doc = (await map.get('a'))!;
    doc.text = 'mutated';
    const [entry] = await map.query({ all: true });
    entry!.text = 'mutated';
    assert.deepEqual(await map.keys(), ['a']);
    assert.equal((await map.get('a'))?.text, '{"n":1}');
  });

  it('is asynchronous like the remote API: every method returns a promise', () => {
    const map = fresh();
    const w = map.witnessOf('{}');
    for (const result of [
      map.get('k'), map.getAll(['k']), map.putIfAbsent('k', '{}'), map.replaceIfSame('k', w, '{}'), map.set('k', '{}'),
      map.removeIfSame('k', w), map.delete('k'), map.size(), map.keys(), map.values(), map.query({ all: true }),
      map.count({ all: true }), map.removeAll({ all: true }), map.listen({ changed: () => undefined, cleared: () => undefined }),
    ]) {
      assert.ok(result instanceof Promise);
    }
  });

  it('delete removes whatever is there; deleting a missing key is fine', async () => {
    const map = fresh();
    await map.set('k', '{}');
    await map.delete('k');
    await map.delete('k');
    assert.equal(await map.get('k'), null);
    assert.equal(await map.size(), 0);
  });
});

describe('MemoryDocMap: compare-and-set', () => {
  it('of 50 racing replaceIfSame from one witness, exactly one wins', async () => {
    const map = fresh();
    await map.set('k', '{"v":0}');
    const { witness } = (await map.get('k'))!;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => map.replaceIfSame('k', witness, `{"v":${i + 1}}`)));
    assert.equal(results.filter(Boolean).length, 1);
    const winner = results.indexOf(true) + 1;
    assert.equal((await map.get('k'))?.text, `{"v":${winner}}`);
  });

  it('50 racing read-modify-write loops lose no update', async () => {
    const map = fresh();
    await map.set('counter', '{"n":0}');
    const bump = async (): Promise<number> => {
      for (let attempt = 1; ; attempt++) {
        const doc = (await map.get('counter'))!;
        const n = (JSON.parse(doc.text) as { n: number }).n;
        await sleep(0); // let the others read the same version
        if (await map.replaceIfSame('counter', doc.witness, JSON.stringify({ n: n + 1 }))) return attempt;
      }
    };
    const attempts = await Promise.all(Array.from({ length: 50 }, bump));
    assert.equal((await map.get('counter'))?.text, '{"n":50}');
    assert.ok(attempts.some((a) => a > 1), 'some writers lost a round and retried');
  });

  it('compares by value, as Hazelcast compares bytes: an old witness of the same text still matches (A → B → A)', async () => {
    const map = fresh();
    await map.set('k', '{"x":1}');
    const first = (await map.get('k'))!.witness;
    await map.set('k', '{"x":2}');
    assert.equal(await map.replaceIfSame('k', first, '{"x":9}'), false, 'a stale text does not match');
    await map.set('k', '{"x":1}');
    assert.equal(await map.replaceIfSame('k', first, '{"x":3}'), true, 'the same text matches again');
    assert.equal((await map.get('k'))?.text, '{"x":3}');
  });

  it('compares texts exactly: equal JSON with other spacing is another value', async () => {
    const map = fresh();
    await map.set('k', '{"x":1}');
    assert.equal(await map.replaceIfSame('k', map.witnessOf('{ "x": 1 }'), '{"x":2}'), false);
  });

  it('witnessOf(text) stands for a read of that text: a writer can CAS against its own write', async () => {
    const map = fresh();
    const text = '{"v":1}';
    assert.equal(await map.putIfAbsent('k', text), null);
    assert.equal(await map.replaceIfSame('k', map.witnessOf(text), '{"v":2}'), true);
    assert.equal(await map.removeIfSame('k', map.witnessOf('{"v":1}')), false);
    assert.equal(await map.removeIfSame('k', map.witnessOf('{"v":2}')), true);
    assert.equal(await map.get('k'), null);
  });

  it('a witness from another memory map (another node) works, by value', async () => {
    const a = fresh();
    const b = fresh();
    await a.set('k', '{"v":1}');
    await b.set('k', '{"v":1}');
    const w = (await a.get('k'))!.witness;
    assert.equal(await b.replaceIfSame('k', w, '{"v":2}'), true);
  });

  it('fails a compare-and-set on a missing key, and rejects a witness from elsewhere', async () => {
    const map = fresh();
    const w = map.witnessOf('{}');
    assert.equal(await map.replaceIfSame('missing', w, '{}'), false);
    assert.equal(await map.removeIfSame('missing', w), false);
    assert.equal(await map.get('missing'), null, 'replaceIfSame never creates');
    await map.set('k', '{}');
    const foreign = { toString: () => '{}' } as unknown as Witness;
    await assert.rejects(map.replaceIfSame('k', foreign, '{"x":1}'), TypeError);
    await assert.rejects(map.removeIfSame('k', foreign), TypeError);
  });

  it('removeIfSame: of racing removals from one witness, exactly one wins', async () => {
    const map = fresh();
    await map.set('k', '{"v":1}');
    const w = (await map.get('k'))!.witness;
    const results = await Promise.all(Array.from({ length: 20 }, () => map.removeIfSame('k', w)));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await map.get('k'), null);
  });

  it('putIfAbsent: of 50 racing inserts exactly one stores; the others get its document and a usable witness', async () => {
    const map = fresh();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => map.putIfAbsent('k', `{"by":${i}}`)));
    assert.equal(results.filter((r) => r === null).length, 1);
    const winner = results.indexOf(null);
    const stored = `{"by":${winner}}`;
    assert.equal((await map.get('k'))?.text, stored);
    const losers = results.filter((r) => r !== null);
    assert.ok(losers.every((r) => r.text === stored));
    assert.equal(await map.replaceIfSame('k', losers[0]!.witness, '{"by":"next"}'), true);
  });
});

describe('MemoryDocMap: time-to-live', () => {
  it('an entry is gone from every read once its TTL has passed', async () => {
    const map = fresh();
    await map.set('short', '{"kind":"short"}', 150);
    await map.putIfAbsent('short2', '{"kind":"short"}', 150);
    await map.set('long', '{"kind":"long"}', 60_000);
    await map.set('forever', '{"kind":"forever"}');
    assert.equal(await map.size(), 4);
    assert.equal((await map.get('short'))?.text, '{"kind":"short"}', 'there before its TTL');
    await sleep(200);
    assert.equal(await map.get('short'), null);
    assert.equal(await map.get('short2'), null);
    assert.deepEqual(await map.getAll(['short', 'short2', 'long']), [['long', '{"kind":"long"}']]);
    assert.equal(await map.size(), 2);
    assert.deepEqual((await map.keys()).sort(), ['forever', 'long']);
    assert.deepEqual((await map.values()).sort(), ['{"kind":"forever"}', '{"kind":"long"}']);
    assert.deepEqual((await map.query({ field: 'kind', equals: 'short' })).length, 0);
    assert.equal(await map.count({ all: true }), 2);
    assert.equal(await map.replaceIfSame('short', map.witnessOf('{"kind":"short"}'), '{}'), false);
    assert.equal(await map.removeIfSame('short', map.witnessOf('{"kind":"short"}')), false);
    assert.equal(await map.putIfAbsent('short', '{"kind":"again"}'), null, 'an expired key is free again');
  });

  it('each write sets the TTL anew, from the time of that write', async () => {
    const map = fresh();
    const ttl = 400;
    const first = Date.now();
    await map.set('k', '{"v":1}', ttl);
    await sleep(250);
    const second = Date.now();
    await map.set('k', '{"v":2}', ttl);
    await sleep(250);
    const doc = await map.get('k');
    const now = Date.now();
    // Only conclusive when the first write's TTL is over and the second's is not (a slow machine may oversleep).
    if (now - first > ttl && now - second < ttl) assert.equal(doc?.text, '{"v":2}');
    await sleep(Math.max(0, second + ttl + 20 - Date.now()));
    assert.equal(await map.get('k'), null);
  });

  it('a set without a TTL (or with TTL 0) makes an expiring entry eternal, as IMap.set(k, v) does', async () => {
    const map = fresh();
    await map.set('none', '{"v":1}', 100);
    await map.set('none', '{"v":2}');
    await map.set('zero', '{"v":1}', 100);
    await map.set('zero', '{"v":2}', 0);
    await sleep(200);
    assert.equal((await map.get('none'))?.text, '{"v":2}');
    assert.equal((await map.get('zero'))?.text, '{"v":2}');
  });

  it('replaceIfSame makes an expiring entry eternal too (a 5.x member resets it to the map default)', async () => {
    const map = fresh();
    await map.set('k', '{"v":1}', 100);
    assert.equal(await map.replaceIfSame('k', map.witnessOf('{"v":1}'), '{"v":2}'), true);
    await sleep(200);
    assert.equal((await map.get('k'))?.text, '{"v":2}');
  });

  it("writes without a TTL take the map's configured default, updates included", async () => {
    const map = fresh({ defaultTtlMillis: 150 });
    await map.set('default', '{}');
    await map.set('own', '{}', 60_000);
    await map.set('eternal', '{}', 0);
    await map.set('replaced', '{"v":1}', 60_000);
    await map.replaceIfSame('replaced', map.witnessOf('{"v":1}'), '{"v":2}');
    await sleep(250);
    assert.deepEqual((await map.keys()).sort(), ['eternal', 'own']);
  });

  it('rejects a TTL that is not a number', async () => {
    const map = fresh();
    await assert.rejects(map.set('k', '{}', Number.NaN), RangeError);
    assert.throws(() => new MemoryDocMap({ defaultTtlMillis: Number.NaN }), RangeError);
  });

  it('reports an expiry to listeners without anyone reading (a timer at the expiry time)', async () => {
    const map = fresh();
    const { events, listener } = recorder();
    await map.listen(listener);
    const written = Date.now();
    await map.set('dead', '{}', 100);
    await map.set('kept', '{}');
    // No map operation until the event arrives: only the timer can report it.
    await eventually('the expiry event', () => events.filter((e) => e === 'changed:dead').length === 2, 1_000);
    assert.ok(Date.now() - written >= 100, 'not before its TTL');
    assert.deepEqual(await map.keys(), ['kept']);
  });

  it('after close (no timer), expired entries stay invisible and are reported by the next operation', async () => {
    const map = fresh();
    map.close();
    const { events, listener } = recorder();
    await map.listen(listener, 'k');
    await map.set('k', '{}', 50);
    await sleep(120);
    await settle();
    assert.deepEqual(events, ['changed:k', 'value:k={}'], 'no timer reported the expiry');
    assert.equal(await map.size(), 0);
    await settle();
    assert.deepEqual(events, ['changed:k', 'value:k={}', 'changed:k', 'value:k=null']);
  });
});

describe('MemoryDocMap: listeners', () => {
  it('hears every change of any key: add, update (same text too), replace, remove, delete, expire, removeAll', async () => {
    const map = fresh();
    const { events, listener } = recorder();
    await map.listen(listener);
    await map.set('a', '{"v":1}');
    await map.set('a', '{"v":1}');
    await map.putIfAbsent('b', '{"v":1}');
    await map.replaceIfSame('a', map.witnessOf('{"v":1}'), '{"v":2}');
    await map.removeIfSame('b', map.witnessOf('{"v":1}'));
    await map.set('c', '{"v":1}');
    await map.delete('c');
    await map.set('d', '{"v":1}', 60_000);
    await map.set('e', '{"v":1}');
    await map.removeAll({ field: 'v', equals: 1 });
    await settle();
    assert.deepEqual(events, ['changed:a', 'changed:a', 'changed:b', 'changed:a', 'changed:b', 'changed:c', 'changed:c', 'changed:d', 'changed:e', 'changed:d', 'changed:e']);
    events.length = 0;
    await map.set('x', '{}', 50);
    await eventually('expiry', () => events.length === 2);
    assert.deepEqual(events, ['changed:x', 'changed:x']);
    assert.ok(!events.some((e) => e.startsWith('value:')), 'values only go to key listeners');
  });

  it('hears nothing of writes that did not happen', async () => {
    const map = fresh();
    await map.set('a', '{"v":1}');
    const { events, listener } = recorder();
    await map.listen(listener);
    await map.putIfAbsent('a', '{"v":2}');
    await map.replaceIfSame('a', map.witnessOf('{"v":0}'), '{"v":3}');
    await map.removeIfSame('a', map.witnessOf('{"v":0}'));
    await map.delete('missing');
    await map.removeAll({ field: 'v', equals: 99 });
    await map.replaceIfSame('missing', map.witnessOf('{}'), '{}');
    await settle();
    assert.deepEqual(events, []);
  });

  it('a key listener hears that key only, with its new text (null when it left)', async () => {
    const map = fresh();
    const { events, listener } = recorder();
    await map.listen(listener, 'k');
    await map.set('other', '{}');
    await map.set('k', '{"v":1}');
    await map.replaceIfSame('k', map.witnessOf('{"v":1}'), '{"v":2}');
    await map.delete('k');
    await map.putIfAbsent('k', '{"v":3}', 100);
    await settle();
    assert.deepEqual(events.slice(0, 8), [
      'changed:k', 'value:k={"v":1}',
      'changed:k', 'value:k={"v":2}',
      'changed:k', 'value:k=null',
      'changed:k', 'value:k={"v":3}',
    ]);
    await eventually('the expiry of k', () => events.length === 10);
    assert.deepEqual(events.slice(8), ['changed:k', 'value:k=null']);
  });

  it('a key listener without value() still hears changed()', async () => {
    const map = fresh();
    const heard: string[] = [];
    await map.listen({ changed: (key) => heard.push(key), cleared: () => undefined }, 'k');
    await map.set('k', '{}');
    await settle();
    assert.deepEqual(heard, ['k']);
  });

  it('delivers asynchronously, in write order, to the listeners in place at the write', async () => {
    const map = fresh();
    const { events, listener } = recorder();
    await map.listen(listener);
    const write = map.set('a', '{}');
    assert.deepEqual(events, [], 'not during the call');
    await write;
    const late = recorder();
    const second = map.set('b', '{}');
    await map.listen(late.listener);
    await second;
    await map.set('c', '{}');
    await settle();
    assert.deepEqual(events, ['changed:a', 'changed:b', 'changed:c']);
    assert.deepEqual(late.events, ['changed:c'], 'a listener added after a write does not hear it');
  });

  it("a listener's exception reaches neither the writer nor the other listeners", async () => {
    const errors: unknown[] = [];
    const map = fresh({ onListenerError: (error) => errors.push(error) });
    const { events, listener } = recorder();
    await map.listen({ changed: () => { throw new Error('boom'); }, cleared: () => undefined });
    await map.listen({ changed: () => { throw new Error('changed boom'); }, cleared: () => undefined, value: () => { throw new Error('value boom'); } }, 'k');
    await map.listen(listener);
    await map.listen(listener, 'k');
    await map.set('k', '{"v":1}');
    assert.equal(await map.replaceIfSame('k', map.witnessOf('{"v":1}'), '{"v":2}'), true);
    await settle();
    assert.deepEqual(events, ['changed:k', 'changed:k', 'value:k={"v":1}', 'changed:k', 'changed:k', 'value:k={"v":2}']);
    assert.deepEqual(errors.map((e) => (e as Error).message), ['boom', 'changed boom', 'value boom', 'boom', 'changed boom', 'value boom']);
  });

  it('never calls cleared() (there is no clear)', async () => {
    const map = fresh();
    const { events, listener } = recorder();
    await map.listen(listener);
    await map.set('a', '{}');
    await map.removeAll({ all: true });
    await settle();
    assert.ok(!events.includes('cleared'));
  });
});

describe('MemoryDocMap: filters', () => {
  const docs: Record<string, unknown> = {
    j1: { status: 'RUNNING', owner: 'n1', dueAt: 100, n: 1 },
    j2: { status: 'RUNNING', owner: 'n2', dueAt: 200 },
    j3: { status: 'FAILED', owner: 'n1', dueAt: 300 },
    j4: { status: 'FINISHED', owner: 'n2' },
    j5: { status: 'RUNNING', dueAt: '50' },
    j6: { owner: 'n1', dueAt: 50 },
  };
  const load = async (): Promise<MemoryDocMap> => {
    const map = fresh();
    for (const [key, doc] of Object.entries(docs)) await map.set(key, JSON.stringify(doc));
    await map.set('malformed', 'not json');
    await map.set('array', '[1,2]');
    await map.set('number', '5');
    return map;
  };
  const keysOf = async (map: MemoryDocMap, filter: DocFilter): Promise<string[]> => (await map.query(filter)).map((e) => e.key).sort();

  it('answers equals / in / atMost / and / or / not, with missing fields matching only not', async () => {
    const map = await load();
    assert.deepEqual(await keysOf(map, { all: true }), ['array', 'j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'malformed', 'number']);
    assert.deepEqual(await keysOf(map, { field: 'status', equals: 'RUNNING' }), ['j1', 'j2', 'j5']);
    assert.deepEqual(await keysOf(map, { field: 'n', equals: 1 }), ['j1']);
    assert.deepEqual(await keysOf(map, { field: 'n', equals: '1' }), [], 'a string is not a number');
    assert.deepEqual(await keysOf(map, { field: 'status', in: ['FAILED', 'FINISHED'] }), ['j3', 'j4']);
    assert.deepEqual(await keysOf(map, { field: 'status', in: [] }), []);
    assert.deepEqual(await keysOf(map, { field: 'dueAt', atMost: 200 }), ['j1', 'j2', 'j6'], 'atMost is numeric: "50" and missing do not match');
    assert.deepEqual(await keysOf(map, { and: [{ field: 'owner', equals: 'n1' }, { field: 'dueAt', atMost: 100 }] }), ['j1', 'j6']);
    assert.deepEqual(await keysOf(map, { or: [{ field: 'owner', equals: 'n2' }, { field: 'status', equals: 'FAILED' }] }), ['j2', 'j3', 'j4']);
    assert.deepEqual(await keysOf(map, { not: { field: 'status', equals: 'RUNNING' } }), ['array', 'j3', 'j4', 'j6', 'malformed', 'number']);
    assert.deepEqual(await keysOf(map, { not: { field: 'owner', in: ['n1', 'n2'] } }), ['array', 'j5', 'malformed', 'number']);
    assert.deepEqual(await keysOf(map, { and: [] }), (await keysOf(map, { all: true })));
    assert.deepEqual(await keysOf(map, { or: [] }), []);
    assert.equal(await map.count({ field: 'status', equals: 'RUNNING' }), 3);
    assert.equal(await map.count({ not: { all: true } }), 0);
  });

  it('query returns texts with witnesses good for a compare-and-set', async () => {
    const map = await load();
    const [entry] = await map.query({ field: 'owner', equals: 'n2' }).then((es) => es.filter((e) => e.key === 'j4'));
    assert.equal(entry?.text, JSON.stringify(docs['j4']));
    assert.equal(await map.replaceIfSame('j4', entry!.witness, '{"status":"DONE"}'), true);
  });

  it('answers from the current text after updates (the parsed form goes with the text)', async () => {
    const map = await load();
    assert.deepEqual(await keysOf(map, { field: 'status', equals: 'FAILED' }), ['j3']);
    await map.set('j3', '{"status":"RUNNING"}');
    await map.set('j1', '{"status":"FAILED"}');
    assert.deepEqual(await keysOf(map, { field: 'status', equals: 'FAILED' }), ['j1']);
    await map.set('j1', '{"status":"FAILED"}');
    assert.deepEqual(await keysOf(map, { field: 'status', equals: 'FAILED' }), ['j1']);
  });

  it('removeAll removes the matching documents only', async () => {
    const map = await load();
    await map.removeAll({ and: [{ field: 'status', equals: 'RUNNING' }, { field: 'owner', in: ['n1', 'n2'] }] });
    assert.deepEqual((await map.keys()).sort(), ['array', 'j3', 'j4', 'j5', 'j6', 'malformed', 'number']);
    await map.removeAll({ not: { field: 'owner', equals: 'n1' } });
    assert.deepEqual((await map.keys()).sort(), ['j3', 'j6']);
    await map.removeAll({ all: true });
    assert.equal(await map.size(), 0);
  });

  it('queries 100 000 documents quickly (figures printed, not asserted)', async () => {
    const map = fresh();
    const statuses = ['RUNNING', 'FINISHED', 'FAILED', 'CANCELED'];
    let t = performance.now();
    for (let i = 0; i < 100_000; i++) {
      const doc = { jobId: String(1_000_000 + i), jobName: `job-${i}`, status: statuses[i % 4], owner: `node${i % 3}`, dueAt: i, finishTime: null, metrics: { rows: i * 10, bytes: i * 1000 }, config: { env: { 'job.mode': 'STREAMING' }, source: [{ plugin_name: 'FakeSource' }], sink: [{ plugin_name: 'Console' }] } };
      await map.set(String(1_000_000 + i), JSON.stringify(doc));
    }
    const load = performance.now() - t;
    const filter: DocFilter = { and: [{ field: 'owner', equals: 'node1' }, { field: 'status', in: ['RUNNING', 'FAILED'] }, { field: 'dueAt', atMost: 50_000 }] };
    t = performance.now();
    const cold = await map.query(filter);
    const coldMs = performance.now() - t;
    t = performance.now();
    const warm = await map.query(filter);
    const warmMs = performance.now() - t;
    t = performance.now();
    const n = await map.count({ field: 'status', equals: 'RUNNING' });
    const countMs = performance.now() - t;
    t = performance.now();
    const all = await map.query({ all: true });
    const allMs = performance.now() - t;
    assert.equal(warm.length, cold.length);
    assert.equal(n, 25_000);
    assert.equal(all.length, 100_000);
    console.log(
      `[memory-doc-map perf] 100k docs: load ${load.toFixed(0)} ms; query cold (parses) ${coldMs.toFixed(1)} ms, ` +
        `warm ${warmMs.toFixed(1)} ms (${warm.length} hits); count ${countMs.toFixed(1)} ms; query all ${allMs.toFixed(1)} ms`,
    );
  });
});

describe('MemoryDocBackend', () => {
  it('gives every caller the same map for a name, and distinct maps for distinct names', async () => {
    const backend = new MemoryDocBackend();
    try {
      const [a1, a2, b] = await Promise.all([backend.map('a'), backend.map('a'), backend.map('b')]);
      assert.equal(a1, a2);
      assert.notEqual(a1, b);
      await a1.set('k', '{"from":"node1"}');
      assert.equal((await a2.get('k'))?.text, '{"from":"node1"}', 'two nodes share it');
      assert.equal(await b.get('k'), null);
    } finally {
      backend.close();
    }
  });

  it('applies per-map default TTLs', async () => {
    const backend = new MemoryDocBackend({ defaultTtlMillis: { sim_nodes: 100 } });
    try {
      const nodes = await backend.map('sim_nodes');
      const other = await backend.map('other');
      await nodes.set('n', '{}');
      await other.set('n', '{}');
      await sleep(200);
      assert.equal(await nodes.get('n'), null);
      assert.notEqual(await other.get('n'), null);
    } finally {
      backend.close();
    }
  });

  it('hands out 100 000 unique, strictly increasing 64-bit ids shaped like Hazelcast Flake ids', async () => {
    const backend = new MemoryDocBackend();
    const other = new MemoryDocBackend();
    const before = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 100_000; i++) ids.push(await (i % 10 === 0 ? other.newId('Other') : backend.newId('SeaTunnelIdGenerator')));
    const concurrent = await Promise.all(Array.from({ length: 1_000 }, () => backend.newId('SeaTunnelIdGenerator')));
    ids.push(...concurrent);
    assert.equal(new Set(ids).size, ids.length);
    let previous = 0n;
    for (const id of ids) {
      assert.match(id, /^[1-9]\d*$/);
      const value = BigInt(id);
      assert.ok(value > previous, `${id} after ${previous}`);
      previous = value;
      assert.ok(value > 2n ** 53n && value < 2n ** 63n, id);
    }
    // The high bits are the time since 2018-01-01 (ms): the first id's is now, give or take.
    const stamp = Number(BigInt(ids[0]!) >> 22n) + 1_514_764_800_000;
    assert.ok(stamp >= before - 5 && stamp <= Date.now() + 5, `timestamp ${new Date(stamp).toISOString()}`);
    const nodeBits = new Set(ids.map((id) => BigInt(id) & 0xffffn));
    assert.equal(nodeBits.size, 1, 'one member id in the low 16 bits');
    backend.close();
    other.close();
  });

  it('close() stops the timers; the maps still answer', async () => {
    const backend = new MemoryDocBackend();
    const map = await backend.map('m');
    await map.set('k', '{}', 50);
    backend.close();
    const late = await backend.map('late');
    await late.set('k', '{}', 50);
    await sleep(100);
    assert.equal(await map.get('k'), null);
    assert.equal(await late.get('k'), null);
  });
});

describe('no open handles', () => {
  it('a process with expiring entries and listeners, never closed, exits by itself', async () => {
    const module = fileURLToPath(new URL('../src/store/memory-doc-map.js', import.meta.url));
    const script = `
      const { MemoryDocBackend } = await import(${JSON.stringify(module)});
      const backend = new MemoryDocBackend();
      const map = await backend.map('m');
      await map.listen({ changed() {}, cleared() {} });
      await map.set('hour', '{}', 3_600_000);
      await map.set('soon', '{}', 20);
      await map.set('days', '{}', 40 * 24 * 3_600_000);
      await backend.newId('g');
      console.log('done');
    `;
    const started = Date.now();
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(stdout);
      });
    });
    assert.equal(output.trim(), 'done');
    assert.ok(Date.now() - started < 5_000, 'exited without waiting for any TTL');
  });
});

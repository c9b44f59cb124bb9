import { BOTH, V1_JSON, type Check } from '../check.js';

/** §2 E5: keys in order (native.memory.* appear only with native memory and are skipped here). */
const MONITORING_KEYS = [
  'isMaster', 'host', 'port', 'processors', 'physical.memory.total', 'physical.memory.free', 'swap.space.total', 'swap.space.free',
  'heap.memory.used', 'heap.memory.free', 'heap.memory.total', 'heap.memory.max', 'heap.memory.used/total', 'heap.memory.used/max',
  'minor.gc.count', 'minor.gc.time', 'major.gc.count', 'major.gc.time', 'load.process', 'load.system', 'load.systemAverage',
  'thread.count', 'thread.peakCount', 'cluster.timeDiff', 'event.q.size', 'executor.q.async.size', 'executor.q.client.size',
  'executor.q.client.query.size', 'executor.q.client.blocking.size', 'executor.q.query.size', 'executor.q.scheduled.size',
  'executor.q.io.size', 'executor.q.system.size', 'executor.q.operations.size', 'executor.q.priorityOperation.size',
  'operations.completed.count', 'executor.q.mapLoad.size', 'executor.q.mapLoadAllKeys.size', 'executor.q.cluster.size',
  'executor.q.response.size', 'operations.running.count', 'operations.pending.invocations.percentage',
  'operations.pending.invocations.count', 'proxy.count', 'clientEndpoint.count', 'connection.active.count',
  'client.connection.count', 'connection.count',
];

const PERCENT = /^-?\d+\.\d{2}%$/;
const FORMATS: Record<string, RegExp> = {
  isMaster: /^(true|false)$/,
  port: /^\d+$/,
  processors: /^\d+$/,
  'heap.memory.used/total': PERCENT,
  'heap.memory.used/max': PERCENT,
  'minor.gc.time': /^\d+ms$/,
  'major.gc.time': /^\d+ms$/,
  'load.process': PERCENT,
  'load.system': PERCENT,
  'operations.pending.invocations.percentage': PERCENT,
  'thread.count': /^\d+$/,
  // Hazelcast's memory units: "16.0G", "135.7M", "512" …
  'heap.memory.used': /^\d+(\.\d+)?[KMGTP]?$/,
  'physical.memory.total': /^\d+(\.\d+)?[KMGTP]?$/,
};

const THREAD_STATES = new Set(['NEW', 'RUNNABLE', 'BLOCKED', 'WAITING', 'TIMED_WAITING', 'TERMINATED']);

export const monitoringChecks: Check[] = [
  {
    name: 'system-monitoring-information: one object per member, master first, all values strings in SeaTunnel order, < 5 s',
    endpoint: 'E5',
    path: '/system-monitoring-information',
    api: BOTH,
    expect: {
      status: 200,
      maxMillis: 5000,
      contentType: V1_JSON,
      types: { '': 'array', '[*].*': 'string', '[0].isMaster': 'string' },
      predicate: (body, ctx) => {
        if (body.length !== Number(ctx.fx('nodeCount'))) return `expected ${ctx.fx('nodeCount')} members, got ${body.length}`;
        if (body[0].isMaster !== 'true') return 'the master comes first';
        if (body.filter((m: Record<string, string>) => m.isMaster === 'true').length !== 1) return 'exactly one master';
        for (const [i, member] of (body as Array<Record<string, string>>).entries()) {
          const keys = Object.keys(member).filter((k) => !k.startsWith('native.memory.'));
          if (keys.join(',') !== MONITORING_KEYS.join(',')) return `[${i}] keys differ from SeaTunnel's order: ${JSON.stringify(keys)}`;
          for (const [key, format] of Object.entries(FORMATS)) if (!format.test(member[key] ?? '')) return `[${i}].${key} = ${JSON.stringify(member[key])} does not look like ${format}`;
        }
        return null;
      },
    },
  },
  {
    name: 'system-monitoring-information/x: v1 prefix / v2 <path>/* still answer',
    endpoint: 'E5',
    path: '/system-monitoring-information/x',
    api: BOTH,
    expect: { status: 200, types: { '': 'array', '[0].isMaster': 'string' } },
  },
  {
    name: 'thread-dump: threads with a numeric threadId, a Thread.State and a joined stack trace',
    endpoint: 'E6',
    path: '/thread-dump',
    api: BOTH,
    expect: {
      status: 200,
      contentType: V1_JSON,
      types: { '': 'array', '[*].threadName': 'string', '[*].threadId': 'number', '[*].threadState': 'string', '[*].stackTrace': 'string' },
      keyOrder: { '[*]': ['threadName', 'threadId', 'threadState', 'stackTrace'] },
      predicate: (body) => {
        if (body.length === 0) return 'expected at least one thread';
        const bad = body.find((t: { threadState: string }) => !THREAD_STATES.has(t.threadState));
        if (bad) return `threadState ${bad.threadState} is not a java.lang.Thread.State`;
        const untrimmed = body.find((t: { stackTrace: string }) => t.stackTrace !== t.stackTrace.trim());
        return untrimmed ? `stackTrace of ${untrimmed.threadName} is not trimmed` : null;
      },
    },
  },
  {
    name: 'running-threads: thread name and context classloader, sorted by name',
    endpoint: 'E7',
    path: '/running-threads',
    api: BOTH,
    expect: {
      status: 200,
      contentType: V1_JSON,
      types: { '': 'array', '[*].threadName': 'string', '[*].classLoader': 'string' },
      keyOrder: { '[*]': ['threadName', 'classLoader'] },
      predicate: (body) => {
        if (body.length === 0) return 'expected at least one thread';
        for (let i = 1; i < body.length; i++) if (body[i - 1].threadName > body[i].threadName) return `not sorted by threadName at ${i}`;
        return null;
      },
    },
  },
];

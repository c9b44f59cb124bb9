import type { CompareRules, LeafPlace, LeafRule } from './compare.js';

/**
 * What the differential suite holds deterministic, and what it checks by format only. Everything
 * not named here is compared exactly (after job ids are paired): messages, statuses, names, the
 * DAG, slot and job counters, key sets and key order, types, status lines and the headers below.
 */

/** Inside a job object: timestamps, rates, and counts that only settle once the job has ended. */
function jobLeaf(path: string): LeafRule | null {
  if (path === 'createTime' || path === 'finishTime' || path === 'startTime') return 'time';
  // Per-table keys are table paths, dots included (`metrics.TableSinkWriteQPS.db.t1`).
  if (/^metrics\.(Table)?\w+(QPS|BytesPerSeconds)(\..*)?$/.test(path)) return 'double';
  if (/^metrics\.(Table)?\w+(Count|Bytes)(\..*)?$/.test(path)) return 'count';
  // A failed job's Java stack trace: its first line is compared by the scenario, the frames cannot be.
  if (path === 'errorMsg') return 'string';
  return null;
}

/** Figures of the answering process (memory, GC, threads, load): the keys matter, the values cannot. */
const MACHINE_ENDPOINTS = new Set(['system-monitoring-information', 'thread-dump', 'running-threads']);

export interface RuleOptions {
  /** Members of the real cluster and of ours: per-member counts (`workers`) scale by ours / theirs. */
  realMembers: number;
  simMembers: number;
  /** Text of the simulator's answers that stands for the real engine's (addresses, install paths), applied in order. */
  simToReal: Array<[string | RegExp, string]>;
  /** Text of the real engine's answers that differs by machine (its SEATUNNEL_HOME), applied in order. */
  realNormal: Array<[string | RegExp, string]>;
  /** Rules for job fields before the defaults (a later release's figures that a recording cannot hold us to). */
  jobLeaf?: (inJob: string) => LeafRule | null;
}

const replaceAll = (text: string, pairs: Array<[string | RegExp, string]>): string =>
  pairs.reduce((out, [from, to]) => (typeof from === 'string' ? out.split(from).join(to) : out.replace(from, to)), text);

/** Jetty names a servlet `<class>-<identity hash>`: the hash is the process's, not the API's. */
const SERVLET_HASH: [RegExp, string] = [/(\.\w+Servlet)-[0-9a-f]+/g, '$1-<hash>'];

/**
 * Lines a per-member listing repeats once our second node's address reads as the real engine's
 * (the `/logs` page lists every member's files): kept once, in order.
 */
function dropRepeatedItems(text: string): string {
  if (!text.startsWith('<html><head><title>Seatunnel log</title>')) return text;
  const seen = new Set<string>();
  return text
    .split('\n')
    .filter((line) => !line.startsWith('<li>') || (!seen.has(line) && seen.add(line)))
    .join('\n');
}

export function differentialRules(options: RuleOptions): CompareRules {
  return {
    headers: ['content-type', 'server', 'cache-control', 'www-authenticate', 'allow'],
    leaf(place: LeafPlace): LeafRule {
      if (place.inJob !== null) {
        const rule = options.jobLeaf?.(place.inJob) ?? jobLeaf(place.inJob);
        if (rule) return rule;
      }
      if (MACHINE_ENDPOINTS.has(place.endpoint)) return 'type';
      // SeaTunnel's error messages may carry a stack trace (JobException): its frames are the JVM's.
      if (place.path === 'message') return 'trace';
      if (place.endpoint === 'hazelcast/rest/cluster') {
        if (place.path === 'members[*].uuid') return 'uuid';
        if (place.path === 'members[*].address' || place.path === 'members[*].localMember') return 'type';
        if (place.path === 'connectionCount' || place.path === 'allConnectionCount') return 'type';
      }
      if (place.endpoint === 'hazelcast/health' && place.path === 'clusterSize') return 'type';
      return 'exact';
    },
    perMember(endpoint, path) {
      return (endpoint === 'system-monitoring-information' && path === '') || (endpoint === 'hazelcast/rest/cluster' && path === 'members');
    },
    // Which member is master is counted per list (memberFlags): ours has two members, theirs one.
    memberFlags: ['isMaster', 'localMember'],
    // SeaTunnel lists the jars from a hash set of URLs: their order follows the install path's hash.
    unordered: (_endpoint, path) => /(^|\.)pluginJarsUrls$/.test(path),
    shapeOnly(endpoint, path) {
      return (endpoint === 'thread-dump' || endpoint === 'running-threads') && path === '';
    },
    scale(place, real) {
      if (place.endpoint === 'overview' && place.query === '' && place.path === 'workers' && /^\d+$/.test(real)) {
        return String((Number(real) * options.simMembers) / options.realMembers);
      }
      return real;
    },
    simText: (text) => dropRepeatedItems(replaceAll(text, [...options.simToReal, SERVLET_HASH])),
    realText: (text) => replaceAll(text, [...options.realNormal, SERVLET_HASH]),
  };
}

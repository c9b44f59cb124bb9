import { V1_JSON, V1_ONLY, V2_ONLY, type Check } from '../check.js';

/** `job_count{cluster="…",type="finished",} 2.0` (Java client) or without the trailing comma. */
const jobCount = (type: string, fixture: string) => (text: string, count: string): string | null => {
  const re = new RegExp(`^job_count\\{[^}]*type="${type}"[^}]*\\} ${count}(\\.0)?$`, 'm');
  return re.test(text) ? null : `expected a line job_count{…type="${type}"…} ${count} (fixture ${fixture})`;
};

export const telemetryChecks: Check[] = [
  {
    name: '/hazelcast/rest/instance/metrics: Prometheus text, cluster_info, job_count per status on the master',
    endpoint: 'E17',
    path: '/hazelcast/rest/instance/metrics',
    absolute: true,
    api: V1_ONLY,
    expect: {
      status: 200,
      contentType: 'text/plain',
      textIncludes: ['# HELP ', '# TYPE ', 'cluster_info{', 'cluster="{clusterName}"', 'jvm_'],
      textMatches: [/^cluster_time(\{[^}]*\})? /m, /^node_state(\{[^}]*\})? /m, /^job_thread_pool_\w+\{[^}]*address=/m],
      // JobMetricExports: "Only the master can get job metrics" — job_count on the master alone.
      predicate: (_body, ctx) => {
        if (ctx.node.name !== ctx.fx('masterNode')) return /^job_count\{/m.test(ctx.text) ? 'job_count is exported by the master only' : null;
        return (
          jobCount('finished', 'finishedCount')(ctx.text, ctx.fx('finishedCount')) ??
          jobCount('failed', 'failedCount')(ctx.text, ctx.fx('failedCount')) ??
          jobCount('canceled', 'canceledCount')(ctx.text, ctx.fx('canceledCount'))
        );
      },
    },
  },
  {
    name: '/hazelcast/rest/instance/openmetrics: OpenMetrics text ending in # EOF',
    endpoint: 'E17',
    path: '/hazelcast/rest/instance/openmetrics',
    absolute: true,
    api: V1_ONLY,
    expect: {
      status: 200,
      // SeaTunnel renders OpenMetrics but sends it as Hazelcast's text/plain (captures/snapshot/telemetry/002).
      contentType: 'text/plain',
      textIncludes: ['# TYPE ', 'cluster_info'],
      textMatches: [/# EOF\n?$/],
    },
  },
  // REST v2 (2.3.9, MetricsServlet): the same text, written as BaseServlet.write's text/plain (which
  // Jetty 9.4's getWriter completes with `;charset=iso-8859-1`; the charset is the profile's wire-format
  // business, so only the media type is checked here).
  {
    name: 'v2 /metrics: Prometheus text as text/plain',
    endpoint: 'E17',
    path: '/metrics',
    api: V2_ONLY,
    expect: {
      status: 200,
      contentType: 'text/plain',
      textIncludes: ['# HELP ', '# TYPE ', 'cluster_info{', 'cluster="{clusterName}"', 'jvm_'],
      textExcludes: ['# EOF'],
    },
  },
  {
    name: 'v2 /openmetrics/x: mapped as /openmetrics/*, OpenMetrics text ending in # EOF',
    endpoint: 'E17',
    path: '/openmetrics/x',
    api: V2_ONLY,
    expect: { status: 200, contentType: 'text/plain', textIncludes: ['# TYPE ', 'cluster_info'], textMatches: [/# EOF\n?$/] },
  },
  {
    name: 'v2 POST /metrics → Jetty\'s 405 page',
    endpoint: 'E17',
    method: 'POST',
    path: '/metrics',
    body: '',
    api: V2_ONLY,
    expect: { status: 405, contentType: 'text/html', textIncludes: ['HTTP ERROR 405 HTTP method POST is not supported by this URL'] },
  },
];

/** Hazelcast's own endpoints next to v1 (§1.1): cluster view and health. */
export const nativeChecks: Check[] = [
  {
    name: '/hazelcast/rest/cluster: Hazelcast\'s cluster view (members, connection counts)',
    endpoint: 'T',
    path: '/hazelcast/rest/cluster',
    absolute: true,
    api: V1_ONLY,
    expect: {
      status: 200,
      contentType: V1_JSON,
      keyOrder: { '': ['members', 'connectionCount', 'allConnectionCount'] },
      types: {
        members: 'array',
        'members[*].address': 'string',
        'members[*].liteMember': 'boolean',
        'members[*].localMember': 'boolean',
        'members[*].uuid': 'string',
        'members[*].memberVersion': 'string',
        connectionCount: 'number',
        allConnectionCount: 'number',
      },
      predicate: (body) => {
        if (!Array.isArray(body.members) || body.members.length === 0) return 'expected at least one member';
        const bad = body.members.find((m: { address: string }) => !/^\[[^\]]+\]:\d+$/.test(m.address));
        return bad ? `address ${bad.address} is not "[host]:port"` : null;
      },
    },
  },
  {
    name: '/hazelcast/health/ready: 200 once the node is in the cluster',
    endpoint: 'T',
    path: '/hazelcast/health/ready',
    absolute: true,
    api: V1_ONLY,
    expect: { status: 200 },
  },
];

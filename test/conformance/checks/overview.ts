import { BOTH, V1_JSON, V1_ONLY, V2_ONLY, type Check, type Expectation } from '../check.js';

/**
 * E1 overview (§2 E1). The cluster runs with fixed slots (20 per node, as RestApiIT) and tags
 * node1 {node=node1, zone=z1}, node2 {node=node2, zone=z1}, node3 none.
 */
const OVERVIEW_KEYS = ['projectVersion', 'gitCommitAbbrev', 'totalSlot', 'unassignedSlot', 'runningJobs', 'finishedJobs', 'failedJobs', 'cancelledJobs', 'workers'] as const;

/** Job counters are cluster-wide whatever the tag filter says. */
const COUNTERS = { runningJobs: '{runningCount}', finishedJobs: '{finishedCount}', failedJobs: '{failedCount}', cancelledJobs: '{canceledCount}' };

const shape: Expectation = {
  status: 200,
  contentType: V1_JSON,
  keyOrder: { '': OVERVIEW_KEYS },
  types: Object.fromEntries(OVERVIEW_KEYS.map((k) => [k, 'string'])),
};

/** A filtered overview: `workers` and slots of the matching workers only. */
function filtered(workers: number): Expectation {
  return {
    ...shape,
    json: { ...COUNTERS, workers: String(workers), totalSlot: String(20 * workers) },
    predicate: (body) => {
      const unassigned = Number(body.unassignedSlot);
      return Number.isInteger(unassigned) && unassigned >= 0 && unassigned <= 20 * workers ? null : `unassignedSlot ${body.unassignedSlot} not within 0..${20 * workers}`;
    },
  };
}

export const overviewChecks: Check[] = [
  {
    name: 'overview: nine string values in order, `workers` (not `works`), counters and slots',
    endpoint: 'E1',
    path: '/overview',
    api: BOTH,
    expect: {
      ...shape,
      json: { ...COUNTERS, workers: '{nodeCount}', totalSlot: '60' },
      predicate: (body, ctx) => {
        const used = Number(body.totalSlot) - Number(body.unassignedSlot);
        const holding = Number(ctx.fx('slotHoldingJobs'));
        return Number.isInteger(used) && used >= holding && used <= 60 ? null : `assigned slots (total - unassigned = ${used}) should be at least the ${holding} running jobs`;
      },
    },
  },
  { name: 'overview?node=node1: one worker, its 20 slots; job counters unfiltered', endpoint: 'E1', path: '/overview?node=node1', api: BOTH, expect: filtered(1) },
  { name: 'overview?zone=z1: two workers', endpoint: 'E1', path: '/overview?zone=z1', api: BOTH, expect: filtered(2) },
  { name: 'overview?zone=z1&node=node2: every pair must match', endpoint: 'E1', path: '/overview?zone=z1&node=node2', api: BOTH, expect: filtered(1) },
  { name: 'overview?node=node1&zone=z2: one pair differs → no worker', endpoint: 'E1', path: '/overview?node=node1&zone=z2', api: BOTH, expect: { ...filtered(0), json: { ...COUNTERS, workers: '0', totalSlot: '0', unassignedSlot: '0' } } },
  { name: 'overview?node=node3: a worker without tags never matches', endpoint: 'E1', path: '/overview?node=node3', api: BOTH, expect: { ...filtered(0), json: { ...COUNTERS, workers: '0', totalSlot: '0', unassignedSlot: '0' } } },
  { name: 'overview?format=json: any parameter is a tag filter', endpoint: 'E1', path: '/overview?format=json', api: BOTH, expect: { ...filtered(0), json: { ...COUNTERS, workers: '0', totalSlot: '0', unassignedSlot: '0' } } },
  { name: 'overview?node=node%31: v1 does not URL-decode the query', endpoint: 'E1', path: '/overview?node=node%31', api: V1_ONLY, expect: { ...filtered(0), json: { ...COUNTERS, workers: '0', totalSlot: '0', unassignedSlot: '0' } } },
  { name: 'overview?node=node%31: v2 decodes servlet parameters', endpoint: 'E1', path: '/overview?node=node%31', api: V2_ONLY, expect: filtered(1) },
  { name: 'overview?node=node2&node=node1: v2 takes the last value', endpoint: 'E1', path: '/overview?node=node2&node=node1', api: V2_ONLY, expect: { ...filtered(1), predicate: undefined } },
  { name: 'overviewXYZ: v1 prefix matching still answers the overview', endpoint: 'E1', path: '/overviewXYZ', api: V1_ONLY, expect: { ...shape, json: { ...COUNTERS, workers: '{nodeCount}', totalSlot: '60' } } },
  { name: 'overview/anything: v2 maps every endpoint as <path>/*', endpoint: 'E1', path: '/overview/anything', api: V2_ONLY, expect: { ...shape, json: { ...COUNTERS, workers: '{nodeCount}', totalSlot: '60' } } },
];

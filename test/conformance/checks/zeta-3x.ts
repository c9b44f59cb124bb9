import { V2_ONLY, type Check, type Expectation } from '../check.js';

/**
 * What 3.0 and 3.1 added to REST v2, from the released docs (seatunnel.apache.org/docs/3.0.0 and
 * 3.1.0, engines/zeta/rest-api-v1 and -v2) and the servlets of the merged PRs.
 */
const GSON_JSON = 'application/json;charset=utf-8';
const WORKER_KEYS = ['address', 'tags', 'totalSlots', 'freeSlots', 'usedSlots', 'dynamicSlot', 'totalCpuCores', 'availableCpuCores', 'totalHeapMemoryBytes', 'availableHeapMemoryBytes', 'runningJobIds'];
const OPTION_KEYS = ['key', 'type', 'defaultValue', 'description', 'fallbackKeys'];

/** OptionRulesServlet's own error answer: Gson's ErrResponse, status "FAIL". */
const optionRulesFail = (status: number, message: string): Expectation => ({ status, contentType: GSON_JSON, equals: { '': { status: 'FAIL', message } } });

export const zetaChecks: Check[] = [
  {
    name: 'resource/workers: one worker per node, sorted by address, WorkerResourceDiagnostic fields in order (#11909)',
    endpoint: 'E21',
    path: '/resource/workers',
    api: V2_ONLY,
    since: '3.0',
    expect: {
      status: 200,
      contentType: GSON_JSON,
      keyOrder: { '': ['available', 'collectedAt', 'workers'], 'workers[*]': WORKER_KEYS },
      types: { available: 'boolean', collectedAt: 'number', 'workers[*].usedSlots': 'number', 'workers[*].runningJobIds': 'array', 'workers[*].totalHeapMemoryBytes': 'number' },
      json: { available: true },
      predicate: (body, ctx) => {
        const addresses: string[] = body.workers.map((w: { address: string }) => w.address);
        if (addresses.length !== Number(ctx.fx('nodeCount'))) return `expected ${ctx.fx('nodeCount')} workers, got ${addresses.length}`;
        if (addresses.join() !== [...addresses].sort().join()) return `workers not sorted by address: ${addresses.join(' ')}`;
        return body.workers.every((w: { totalSlots: number; freeSlots: number; usedSlots: number }) => w.totalSlots === w.freeSlots + w.usedSlots) ? null : 'totalSlots should be freeSlots + usedSlots (fixed slots)';
      },
    },
  },
  {
    name: 'resource/workers: POST → 405 (WorkerResourceServlet has doGet only)',
    endpoint: 'E21',
    method: 'POST',
    path: '/resource/workers',
    api: V2_ONLY,
    since: '3.0',
    expect: { status: 405 },
  },
  {
    name: "option-rules?type=source&plugin=FakeSource: the connector's OptionRule (docs 3.0.0 rest-api-v2, #10585)",
    endpoint: 'E22',
    path: '/option-rules?type=source&plugin=FakeSource',
    api: V2_ONLY,
    since: '3.0',
    expect: {
      status: 200,
      contentType: GSON_JSON,
      keyOrder: {
        '': ['engineType', 'pluginType', 'pluginName', 'optionRule'],
        optionRule: ['optionalOptions', 'requiredOptions', 'conditionRules', 'valueConstraints'],
        'optionRule.requiredOptions[0].options[*]': ['key', 'type', 'description', 'fallbackKeys'],
      },
      json: { engineType: 'seatunnel', pluginType: 'source', pluginName: 'FakeSource', optionRule: { conditionRules: [], valueConstraints: [] } },
      predicate: (body) => {
        const rowNum = body.optionRule.optionalOptions.find((o: { key: string }) => o.key === 'row.num');
        if (!rowNum || Object.keys(rowNum).join() !== OPTION_KEYS.join() || rowNum.type !== 'java.lang.Integer' || rowNum.defaultValue !== 5) return `row.num: ${JSON.stringify(rowNum)}`;
        const kinds = body.optionRule.requiredOptions.map((r: { ruleType: string }) => r.ruleType);
        return kinds[0] === 'EXCLUSIVE' && kinds.slice(1).every((k: string) => k === 'CONDITIONAL') ? null : `rule types ${kinds.join(',')}`;
      },
    },
  },
  {
    name: 'option-rules?type=sink&plugin=console: plugin names match case-insensitively, Console has three optional options',
    endpoint: 'E22',
    path: '/option-rules?type=sink&plugin=console',
    api: V2_ONLY,
    since: '3.0',
    expect: { status: 200, contentType: GSON_JSON, json: { pluginType: 'sink', pluginName: 'Console', optionRule: { requiredOptions: [] } }, predicate: (body) => (body.optionRule.optionalOptions.length === 3 ? null : 'expected 3 optional options') },
  },
  { name: 'option-rules without type → 400 FAIL', endpoint: 'E22', path: '/option-rules?plugin=FakeSource', api: V2_ONLY, since: '3.0', expect: optionRulesFail(400, "Parameter 'type' cannot be empty.") },
  { name: 'option-rules without plugin → 400 FAIL', endpoint: 'E22', path: '/option-rules?type=source', api: V2_ONLY, since: '3.0', expect: optionRulesFail(400, "Parameter 'plugin' cannot be empty.") },
  { name: 'option-rules of a connector not installed → 404 FAIL', endpoint: 'E22', path: '/option-rules?type=source&plugin=Kafka', api: V2_ONLY, since: '3.0', expect: optionRulesFail(404, "Plugin 'Kafka' not found for type 'source'.") },
  {
    name: 'option-rules?type=transform: 3.0 serves source and sink only; 3.1 transforms too (docs 3.1.0 rest-api-v1)',
    endpoint: 'E22',
    path: '/option-rules?type=transform&plugin=NoSuchTransform',
    api: V2_ONLY,
    since: '3.0',
    expect: optionRulesFail(400, "Unsupported plugin type 'transform'. Only 'source' and 'sink' are supported."),
    changes: [{ since: '3.1', source: 'docs 3.1.0 rest-api-v1: "supports source, sink and transform"', expect: optionRulesFail(404, "Plugin 'NoSuchTransform' not found for type 'transform'.") }],
  },
];

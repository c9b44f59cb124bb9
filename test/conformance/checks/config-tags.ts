import { BOTH, fail, failWith, V1_JSON, V1_ONLY, V2_ONLY, type Check } from '../check.js';

/** RestApiIT's encrypt-config body, plus auth/token, nested and env keys that must stay as they are. */
const PLAIN = {
  env: { parallelism: 1, 'shade.identifier': 'base64', password: 'env-stays' },
  source: [
    {
      plugin_name: 'MySQL-CDC',
      schema: { fields: { name: 'string', age: 'int' } },
      result_table_name: 'fake',
      parallelism: 1,
      hostname: '127.0.0.1',
      username: 'seatunnel',
      password: 'seatunnel_password',
      'table-name': 'inventory_vwyw0n',
      options: { password: 'nested-stays' },
    },
  ],
  transform: [],
  sink: [
    { plugin_name: 'Clickhouse', host: 'localhost:8123', database: 'default', table: 'fake_all', username: 'seatunnel', password: 'seatunnel_password', auth: 'seatunnel', token: 'seatunnel' },
  ],
};

const SHADED = {
  ...PLAIN,
  source: [{ ...PLAIN.source[0]!, username: 'c2VhdHVubmVs', password: 'c2VhdHVubmVsX3Bhc3N3b3Jk' }],
  sink: [{ ...PLAIN.sink[0]!, username: 'c2VhdHVubmVs', password: 'c2VhdHVubmVsX3Bhc3N3b3Jk', auth: 'c2VhdHVubmVs', token: 'c2VhdHVubmVs' }],
};

const keyOrders = (config: typeof PLAIN) => ({
  '': Object.keys(config),
  env: Object.keys(config.env),
  'source[0]': Object.keys(config.source[0]!),
  'sink[0]': Object.keys(config.sink[0]!),
});

const { env: _e, ...NO_SHADE_BASE } = PLAIN;
const NO_SHADE = { env: { parallelism: 1 }, ...NO_SHADE_BASE };
const { source: _s, ...NO_SOURCE } = PLAIN;

export const encryptConfigChecks: Check[] = [
  {
    name: 'encrypt-config (base64): username/password/auth/token of sources and sinks shaded, the rest echoed in order',
    endpoint: 'E12',
    method: 'POST',
    path: '/encrypt-config',
    body: PLAIN,
    api: BOTH,
    expect: { status: 200, contentType: V1_JSON, equals: { '': SHADED }, keyOrder: keyOrders(PLAIN), types: { 'env.parallelism': 'number', 'source[0].parallelism': 'number' } },
  },
  {
    name: 'encrypt-config without shade.identifier: the default (identity) shade',
    endpoint: 'E12',
    method: 'POST',
    path: '/encrypt-config',
    body: NO_SHADE,
    api: BOTH,
    expect: { status: 200, contentType: V1_JSON, equals: { '': NO_SHADE } },
  },
  { name: 'encrypt-config: empty source list → 400 "Miss <Source> config!"', endpoint: 'E12', method: 'POST', path: '/encrypt-config', body: { ...PLAIN, source: [] }, api: BOTH, ...fail(400, 'Miss <Source> config! Please check the config file.') },
  { name: 'encrypt-config: empty sink list → 400 "Miss <Sink> config!"', endpoint: 'E12', method: 'POST', path: '/encrypt-config', body: { ...PLAIN, sink: [] }, api: BOTH, ...fail(400, 'Miss <Sink> config! Please check the config file.') },
  // Java 17's helpful NullPointerException text, as a real 2.3.8 engine answers (captures/2.3.8/035).
  { name: 'encrypt-config: no source key → 500 NullPointerException naming the list', endpoint: 'E12', method: 'POST', path: '/encrypt-config', body: NO_SOURCE, api: BOTH, ...fail(500, 'Cannot invoke "java.util.List.isEmpty()" because "sources" is null') },
  { name: 'encrypt-config: empty body → 400', endpoint: 'E12', method: 'POST', path: '/encrypt-config', body: '', api: BOTH, ...fail(400, 'Request body is empty.') },
  { name: 'encrypt-config: invalid JSON → 400', endpoint: 'E12', method: 'POST', path: '/encrypt-config', body: '{"env":{', api: BOTH, ...fail(400, 'Invalid JSON format in request body.') },
  { name: 'encrypt-config: v1 accepts PUT', endpoint: 'E12', method: 'PUT', path: '/encrypt-config', body: PLAIN, api: V1_ONLY, expect: { status: 200, equals: { '': SHADED } } },
];

/**
 * update-tags replaces the answering node's tags; the body re-states each node's own name so the
 * cluster's tag layout after these checks is known: node=<name> on every node (node3 gains one).
 */
export const updateTagsChecks: Check[] = [
  { name: 'update-tags: v1 answers with a message', endpoint: 'E13', method: 'POST', path: '/update-tags', body: '{"node":"{nodeName}"}', api: V1_ONLY, expect: { status: 200, contentType: V1_JSON, equals: { '': { status: 'success', message: 'update node tags done.' } } } },
  { name: 'update-tags: v1 accepts PUT (RestApiIT uses PUT)', endpoint: 'E13', method: 'PUT', path: '/update-tags', body: '{"node":"{nodeName}","zone":"z1"}', api: V1_ONLY, expect: { status: 200, equals: { '': { status: 'success', message: 'update node tags done.' } } } },
  { name: 'update-tags: v2 answers without a message', endpoint: 'E13', method: 'POST', path: '/update-tags', body: '{"node":"{nodeName}","zone":"z1"}', api: V2_ONLY, expect: { status: 200, contentType: V1_JSON, equals: { '': { status: 'success' } } } },
  {
    name: 'overview?node=<this node> after update-tags: the answering node matches at once',
    endpoint: 'E13',
    path: '/overview?node={nodeName}',
    api: BOTH,
    expect: { status: 200, json: { workers: '1', totalSlot: '20' } },
  },
  { name: 'overview?zone=z1 after every node re-tagged: all workers', endpoint: 'E13', path: '/overview?zone=z1', api: BOTH, expect: { status: 200, json: { workers: '{nodeCount}', totalSlot: '60' } } },
  { name: 'update-tags {}: clears this node\'s tags', endpoint: 'E13', method: 'POST', path: '/update-tags', body: '{}', api: BOTH, expect: { status: 200, json: { status: 'success' } } },
  { name: 'overview?zone=z1 after every node cleared its tags: no worker', endpoint: 'E13', path: '/overview?zone=z1', api: BOTH, expect: { status: 200, json: { workers: '0', totalSlot: '0', unassignedSlot: '0' } } },
  { name: 'update-tags: empty body → 400', endpoint: 'E13', method: 'POST', path: '/update-tags', body: '', api: BOTH, ...fail(400, 'Request body is empty.') },
  { name: 'update-tags: invalid JSON → 400', endpoint: 'E13', method: 'POST', path: '/update-tags', body: 'node=node1', api: BOTH, ...fail(400, 'Invalid JSON format in request body.') },
  { name: 'update-tags: a JSON array → 400 Jackson conversion message', endpoint: 'E13', method: 'POST', path: '/update-tags', body: '[]', api: BOTH, ...failWith(400, 'Cannot deserialize value of type `java.util.LinkedHashMap') },
];

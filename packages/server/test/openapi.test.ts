import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiProfile, PROFILE_NAMES } from '@seatunnel-sim/engine';
import { ENDPOINTS } from '../src/routes/endpoints.js';
import { openApiDocument } from '../src/openapi/openapi-document.js';
import { call, startTestNodes, type TestNodes } from './support.js';

const PORT = 30280;

type Doc = { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, { parameters?: { name: string }[] }>>; components: { schemas: Record<string, { required?: string[] }> } };
const documentOf = (profile: (typeof PROFILE_NAMES)[number], contextPath?: string) => openApiDocument(profile, contextPath) as Doc;

// Validity against the OpenAPI 3.1 schema and the answers of running nodes are checked outside
// the repository (scripts/ci/use-from-outside.sh, step openapi), where the validators are installed.
describe('OpenAPI description per profile', () => {
  it('describes exactly the endpoints the profile serves, from the same registry the routes use', () => {
    for (const name of PROFILE_NAMES) {
      const profile = apiProfile(name);
      const doc = documentOf(name);
      assert.equal(doc.openapi, '3.1.0');
      const served = ENDPOINTS.filter((e) => profile.endpoints.has(e.name) && (profile.v2 || e.v1 !== false)).map((e) => e.name);
      const described = new Set(Object.keys(doc.paths).map((path) => served.find((name) => path === `/${name}` || path.startsWith(`/${name}/{`))));
      assert.deepEqual([...described].sort(), [...served].sort(), name);
    }
  });

  it("follows the release's variants: pages and pendingJobs from 2.3.13, sql from 2.3.12, v1 only for 2.3.8 and seed", () => {
    const names = (doc: Doc, path: string, method: string) => (doc.paths[path]?.[method]?.parameters ?? []).map((p) => p.name);
    assert.ok(names(documentOf('2.3.13'), '/running-jobs', 'get').includes('page'));
    assert.ok(!names(documentOf('2.3.12'), '/running-jobs', 'get').includes('page'));
    assert.ok(documentOf('2.3.13').components.schemas['Overview']?.required?.includes('pendingJobs'));
    assert.ok(!documentOf('2.3.12').components.schemas['Overview']?.required?.includes('pendingJobs'));
    assert.match(JSON.stringify(documentOf('2.3.12').paths['/submit-job']), /"enum":\["json","hocon","sql"\]/);
    assert.match(JSON.stringify(documentOf('2.3.9').paths['/submit-job']), /"enum":\["json","hocon"\]/);
    assert.equal(documentOf('2.3.8').servers[0]?.url, '/hazelcast/rest/maps');
    assert.equal(documentOf('2.3.9').servers[0]?.url, '/');
    assert.equal(documentOf('2.3.9', '/seatunnel').servers[0]?.url, '/seatunnel');
    assert.deepEqual(Object.keys(documentOf('seed').paths).sort(), ['/running-job/{jobId}', '/running-jobs']);
  });
});

describe('GET /openapi.json', () => {
  let root: TestNodes;
  let nested: TestNodes;
  before(async () => {
    root = await startTestNodes(1, PORT, { SEATUNNEL_SIM_PROFILE: '2.3.13' });
    nested = await startTestNodes(1, PORT + 10, { SEATUNNEL_SIM_PROFILE: '2.3.12', SEATUNNEL_SIM_CONTEXT_PATH: '/seatunnel' });
  });
  after(async () => {
    await root?.stop();
    await nested?.stop();
  });

  it("is served at the v2 root as the node's profile describes it", async () => {
    const answer = await call(`${root.nodes[0]!.url}/openapi.json`);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json(), documentOf('2.3.13'));
  });

  it('is served under the context path, with that path as its server, and only there', async () => {
    const answer = await call(`${nested.nodes[0]!.url}/seatunnel/openapi.json`);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json(), documentOf('2.3.12', '/seatunnel'));
    assert.equal((await call(`${nested.nodes[0]!.url}/openapi.json`)).status, 404);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, DOCS_EXAMPLE, startTestNodes, type TestNodes } from './support.js';

const V1 = '/hazelcast/rest/maps';
const TOKEN = 's3cret-token';
const BASIC = 'admin:pa:ss'; // a password may hold ':'
const basic = (userPass: string) => `Basic ${Buffer.from(userPass).toString('base64')}`;

/** The optional security switches (`security:` in the node config), off by default as in SeaTunnel. */
describe('security: bearer token and basic auth', () => {
  let cluster: TestNodes;
  let url: string;

  before(async () => {
    cluster = await startTestNodes(1, 28380, { SEATUNNEL_SIM_AUTH_TOKEN: TOKEN, SEATUNNEL_SIM_BASIC_AUTH: BASIC });
    url = cluster.nodes[0]!.url;
  });
  after(async () => cluster?.stop());

  it('keeps the health endpoint open for container health checks', async () => {
    assert.equal((await call(`${url}/hazelcast/health/ready`)).status, 200);
  });

  it('refuses requests without credentials with 401 in SeaTunnel\'s error shape and a challenge', async () => {
    for (const path of [`${V1}/running-jobs`, '/running-jobs', '/overview', '/no-such-path', `${V1}/job-info/1`]) {
      const response = await fetch(`${url}${path}`);
      assert.equal(response.status, 401, path);
      const body = (await response.json()) as { status: string; message: string };
      assert.equal(body.status, 'fail');
      assert.match(body.message, /Unauthorized/);
      const challenge = response.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /Basic realm="seatunnel-sim"/);
      assert.match(challenge, /Bearer realm="seatunnel-sim"/);
    }
  });

  it('refuses wrong credentials', async () => {
    for (const authorization of [`Bearer ${TOKEN}x`, 'Bearer ', basic('admin:wrong'), basic('admin'), 'Basic !!!', TOKEN, `Token ${TOKEN}`]) {
      const response = await call(`${url}${V1}/running-jobs`, { headers: { authorization } });
      assert.equal(response.status, 401, authorization);
      assert.equal(response.json().status, 'fail');
    }
  });

  it('accepts the bearer token or the basic credentials (scheme names are case-insensitive)', async () => {
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, basic(BASIC), basic(BASIC).replace('Basic', 'BASIC')]) {
      const response = await call(`${url}${V1}/running-jobs`, { headers: { authorization } });
      assert.equal(response.status, 200, authorization);
      assert.ok(Array.isArray(response.json()));
    }
  });

  it('submits nothing for an unauthorized submit-job', async () => {
    const jobId = String(900_000_000_000_000_000n + BigInt(Date.now()));
    const refused = await call(`${url}${V1}/submit-job?jobId=${jobId}`, { method: 'POST', body: JSON.stringify(DOCS_EXAMPLE) });
    assert.equal(refused.status, 401);
    const info = await call(`${url}${V1}/job-info/${jobId}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.deepEqual(info.json(), { jobId });
  });
});

describe('security: CORS allow-list', () => {
  let cluster: TestNodes;
  let url: string;

  before(async () => {
    cluster = await startTestNodes(1, 28390, { SEATUNNEL_SIM_CORS_ORIGINS: 'http://dash.local, http://other.local:3000', SEATUNNEL_SIM_AUTH_TOKEN: TOKEN });
    url = cluster.nodes[0]!.url;
  });
  after(async () => cluster?.stop());

  it('answers an allowed origin with its own name, on success and on 401', async () => {
    const ok = await fetch(`${url}/running-jobs`, { headers: { origin: 'http://dash.local', authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'http://dash.local');
    assert.match(ok.headers.get('vary') ?? '', /Origin/);
    const refused = await fetch(`${url}/running-jobs`, { headers: { origin: 'http://other.local:3000' } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), 'http://other.local:3000');
  });

  it('sends no CORS headers to other origins', async () => {
    const response = await fetch(`${url}/running-jobs`, { headers: { origin: 'http://evil.local', authorization: `Bearer ${TOKEN}` } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('answers a preflight from an allowed origin without credentials (browsers send none)', async () => {
    const response = await fetch(`${url}${V1}/submit-job`, {
      method: 'OPTIONS',
      headers: { origin: 'http://dash.local', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://dash.local');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /authorization/);
  });

  it('does not answer a preflight from another origin', async () => {
    const response = await fetch(`${url}${V1}/submit-job`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.local', 'access-control-request-method': 'POST' },
    });
    assert.ok(response.status >= 400 && response.status < 500, String(response.status));
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('security: off by default', () => {
  let cluster: TestNodes;
  let url: string;

  before(async () => {
    cluster = await startTestNodes(1, 28395);
    url = cluster.nodes[0]!.url;
  });
  after(async () => cluster?.stop());

  it('asks for no credentials and sends no CORS headers', async () => {
    const response = await fetch(`${url}/running-jobs`, { headers: { origin: 'http://dash.local' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('www-authenticate'), null);
  });
});

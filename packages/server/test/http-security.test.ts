import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { ConfigError, loadNodeConfig, startNode, type RunningNode } from '../src/index.js';
import { decodeBase64Leniently } from '../src/http/basic-auth-filter.js';
import { KeyStoreError } from '../src/http/tls.js';
import { createTestPki, STORE_PASSWORD, TRUST_PASSWORD, type TestPki } from './pki.js';
import { call, openTestStore, startTestNode, startTestNodes, testLogDir, type TestNodes, type TestStore } from './support.js';

/**
 * SeaTunnel's own security switches under seatunnel.engine.http (2.3.11+): the basic-auth filter
 * on every Jetty path and the HTTPS connector (PKCS12 key store, mutual TLS with a trust store),
 * against real nodes. Ports 29000-29099.
 */

const V1 = '/hazelcast/rest/maps';
const CHALLENGE = 'Basic realm="SeaTunnel Web UI"';
const basic = (userPass: string): string => `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
const ADMIN = basic('admin:admin');
/** Few ports per node, so a node never wanders into another group's range. */
const NARROW = { SEATUNNEL_SIM_PORT_COUNT: '3' };

const auth = (profile: string, more: Record<string, string> = {}): Record<string, string> => ({
  ...NARROW,
  SEATUNNEL_SIM_PROFILE: profile,
  SEATUNNEL_SIM_ENABLE_BASIC_AUTH: 'true',
  ...more,
});

/** Jetty's 401 page for `path` and the servlet it maps to: status, headers and page, to the byte. */
async function assertRefused(url: string, path: string, servlet: RegExp, init: RequestInit = {}): Promise<void> {
  const response = await fetch(`${url}${path}`, init);
  const text = await response.text();
  const label = `${path} ${JSON.stringify(init.headers ?? {})}`;
  assert.equal(response.status, 401, label);
  assert.equal(response.statusText, 'Unauthorized', label);
  assert.equal(response.headers.get('www-authenticate'), CHALLENGE, label);
  assert.equal(response.headers.get('cache-control'), 'must-revalidate,no-cache,no-store', label);
  assert.equal(response.headers.get('content-type'), 'text/html;charset=iso-8859-1', label);
  assert.equal(response.headers.get('server'), 'Jetty(9.4.56.v20240826)', label);
  assert.equal(response.headers.get('date'), null, label);
  assert.ok(
    text.startsWith(
      '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error 401 Unauthorized</title>\n' +
        `</head>\n<body><h2>HTTP ERROR 401 Unauthorized</h2>\n<table>\n<tr><th>URI:</th><td>${path.split('?')[0]}</td></tr>\n` +
        '<tr><th>STATUS:</th><td>401</td></tr>\n<tr><th>MESSAGE:</th><td>Unauthorized</td></tr>\n',
    ),
    `${label}: ${text}`,
  );
  const row = /<tr><th>SERVLET:<\/th><td>([^<]*)<\/td><\/tr>/.exec(text);
  assert.match(row?.[1] ?? '', servlet, label);
}

const OVERVIEW_SERVLET = /^org\.apache\.seatunnel\.engine\.server\.rest\.servlet\.OverviewServlet-[0-9a-f]+$/;
const DEFAULT_SERVLET = /^default$/;

interface TlsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A GET over TLS trusting `ca`, optionally presenting a client certificate. */
function tlsGet(url: string, ca: string, client?: { key: string; cert: string }, headers: Record<string, string> = {}): Promise<TlsAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca, ...(client ?? {}), headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A node whose log lines are kept (the config warnings are asserted on). */
async function startLoggedNode(store: TestStore, env: Record<string, string>, file?: string): Promise<{ node: RunningNode; lines: string[] }> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadNodeConfig({ env: { SEATUNNEL_SIM_LOG_DIR: testLogDir(), ...store.env, ...env }, ...(file ? { file } : {}) });
  const node = await startNode(config, pino({ level: 'info' }, sink), store.options);
  return { node, lines };
}

describe('seatunnel.engine.http basic auth (2.3.13)', () => {
  let cluster: TestNodes;
  let url: string;

  before(async () => {
    cluster = await startTestNodes(1, 29000, auth('2.3.13', { SEATUNNEL_SIM_V1_ENABLED: 'true', SEATUNNEL_SIM_ADMIN_API: 'true' }));
    url = cluster.nodes[0]!.url;
  });
  after(async () => cluster?.stop());

  it('refuses REST v2 without credentials with Jetty\'s 401 page, naming the servlet', async () => {
    await assertRefused(url, '/overview', OVERVIEW_SERVLET);
    await assertRefused(url, '/overview?tag=x', OVERVIEW_SERVLET);
    await assertRefused(url, '/running-jobs', /RunningJobsServlet-[0-9a-f]+$/);
    await assertRefused(url, '/jobs/checkpoints/history/1', /CheckpointHistoryServlet-[0-9a-f]+$/);
    await assertRefused(url, '/submit-job', /SubmitJobServlet-[0-9a-f]+$/, { method: 'POST', body: '{}' });
  });

  it('refuses unknown paths and the Web UI\'s paths with 401 (servlet default), not 404', async () => {
    for (const path of ['/', '/no-such-path', '/assets/index.js', '/favicon.ico', '/overviewx']) await assertRefused(url, path, DEFAULT_SERVLET);
  });

  it('refuses a wrong scheme case, a missing colon and wrong credentials', async () => {
    const wrong = [
      ADMIN.replace('Basic', 'basic'),
      ADMIN.replace('Basic', 'BASIC'),
      `Bearer ${ADMIN.slice(6)}`,
      basic('admin'),
      basic('admin:wrong'),
      basic('Admin:admin'),
      basic('admin:admin '),
      'Basic',
    ];
    for (const authorization of wrong) await assertRefused(url, '/overview', OVERVIEW_SERVLET, { headers: { authorization } });
    await assertRefused(url, '/no-such-path', DEFAULT_SERVLET, { headers: { authorization: basic('admin:nope') } });
  });

  it('answers with admin:admin, the defaults', async () => {
    const overview = await call(`${url}/overview`, { headers: { authorization: ADMIN } });
    assert.equal(overview.status, 200);
    assert.equal(overview.json().projectVersion, '2.3.13');
    const unknown = await fetch(`${url}/no-such-path`, { headers: { authorization: ADMIN } });
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /<tr><th>SERVLET:<\/th><td>default<\/td><\/tr>/);
  });

  it('decodes the credentials as commons-codec does: bytes outside base64 skipped, the first = ends them', async () => {
    const encoded = ADMIN.slice('Basic '.length);
    for (const authorization of [`Basic  ${encoded}`, `Basic ${encoded.slice(0, 4)}*${encoded.slice(4)}`, `Basic ${encoded}==garbage`]) {
      assert.equal((await call(`${url}/overview`, { headers: { authorization } })).status, 200, authorization);
    }
    assert.equal(decodeBase64Leniently('YW!Rta W46\nYWRtaW4=Zm9v').toString('utf8'), 'admin:admin');
  });

  it('leaves Hazelcast\'s REST (v1, health, cluster) and /_sim open', async () => {
    for (const path of [`${V1}/overview`, `${V1}/running-jobs`, '/hazelcast/health/ready', '/hazelcast/rest/cluster', '/_sim/clock']) {
      assert.equal((await call(`${url}${path}`)).status, 200, path);
    }
  });
});

describe('basic auth with configured credentials (2.3.13)', () => {
  let cluster: TestNodes;
  let url: string;
  const USER = 'ops';
  const PASSWORD = 'pa:ss:wörd';

  before(async () => {
    cluster = await startTestNodes(1, 29004, auth('2.3.13', { SEATUNNEL_SIM_BASIC_AUTH_USERNAME: USER, SEATUNNEL_SIM_BASIC_AUTH_PASSWORD: PASSWORD }));
    url = cluster.nodes[0]!.url;
  });
  after(async () => cluster?.stop());

  it('accepts only the configured pair, split at the first colon (the password holds colons)', async () => {
    assert.equal((await call(`${url}/overview`, { headers: { authorization: basic(`${USER}:${PASSWORD}`) } })).status, 200);
    for (const userPass of ['admin:admin', `${USER}:pa`, `${USER}:pa:ss`, `${USER}:${PASSWORD}:`]) {
      await assertRefused(url, '/overview', OVERVIEW_SERVLET, { headers: { authorization: basic(userPass) } });
    }
  });

  it('keeps REST v1 closed as the release ships it (2.3.13: off), its paths unknown Jetty paths behind the filter', async () => {
    await assertRefused(url, `${V1}/overview`, DEFAULT_SERVLET);
    assert.equal((await call(`${url}/hazelcast/health`)).status, 200);
  });
});

describe('basic auth under a context path, read from a pasted seatunnel.yaml block (2.3.12)', () => {
  let store: TestStore;
  let node: RunningNode;
  let lines: string[];

  before(async () => {
    store = await openTestStore('memory');
    const file = `${testLogDir()}-seatunnel.yaml`;
    // SeaTunnel lowercases the names; a key it does not know is only a warning.
    writeFileSync(
      file,
      'api:\n  profile: "2.3.12"\nrest-server-socket-endpoint-config:\n  port:\n    port-count: 3\nseatunnel:\n  engine:\n    http:\n' +
        '      enable-http: true\n      Port: 29008\n      context-path: /seatunnel/\n      Enable-Basic-Auth: TRUE\n      basic-auth-password: "s3cret"\n      upload-max-size-mb: 10\n',
    );
    ({ node, lines } = await startLoggedNode(store, {}, file));
  });
  after(async () => {
    await node?.stop();
    await store?.release();
  });

  it('binds the port SeaTunnel\'s `port` key names and filters the context', async () => {
    assert.equal(node.port, 29008);
    await assertRefused(node.url, '/seatunnel/overview', OVERVIEW_SERVLET);
    await assertRefused(node.url, '/seatunnel/', DEFAULT_SERVLET);
    assert.equal((await call(`${node.url}/seatunnel/overview`, { headers: { authorization: basic('admin:s3cret') } })).status, 200);
  });

  it('logs the unknown key as SeaTunnel does and never the password', () => {
    assert.ok(lines.some((line) => line.includes('"msg":"Unrecognized element: upload-max-size-mb"')), lines.join('\n'));
    assert.ok(lines.some((line) => line.includes('"msg":"Basic authentication is enabled for web UI"')));
    assert.ok(!lines.some((line) => line.includes('s3cret')), 'password in the log');
  });
});

describe('releases without SeaTunnel\'s security (2.3.10)', () => {
  let store: TestStore;
  let node: RunningNode;
  let lines: string[];

  before(async () => {
    store = await openTestStore('memory');
    ({ node, lines } = await startLoggedNode(store, {
      ...auth('2.3.10'),
      SEATUNNEL_SIM_PORT: '29012',
      SEATUNNEL_SIM_ENABLE_HTTPS: 'true',
      SEATUNNEL_SIM_KEY_STORE_PATH: '/nowhere.p12',
      SEATUNNEL_SIM_HTTPS_PORT: '29013',
    }));
  });
  after(async () => {
    await node?.stop();
    await store?.release();
  });

  it('ignores enable-basic-auth and the HTTPS keys, each with "Unrecognized element"', async () => {
    assert.equal((await call(`${node.url}/overview`)).status, 200);
    assert.equal(node.httpsUrl, null);
    for (const key of ['enable-basic-auth', 'enable-https', 'key-store-path', 'https-port']) {
      assert.ok(lines.some((line) => line.includes(`"msg":"Unrecognized element: ${key}"`)), key);
    }
  });
});

describe('configuration errors', () => {
  const load = (env: Record<string, string>): unknown => loadNodeConfig({ env });

  it('names the key of a value that is not an integer', () => {
    assert.throws(() => load({ SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_HTTPS_PORT: '84x3' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /seatunnel\.engine\.http\.https-port: Invalid integer value for parameter https-port: 84x3/);
      return true;
    });
    assert.throws(
      () => loadNodeConfig({ env: {}, overrides: [[['seatunnel', 'engine', 'http', 'port-range'], 'many']] }),
      /seatunnel\.engine\.http\.port-range: Invalid integer value for parameter port-range: many/,
    );
    assert.throws(() => load({ SEATUNNEL_SIM_PROFILE: '2.3.12', SEATUNNEL_SIM_HTTPS_PORT: '70000' }), /https-port must be between 1 and 65535, got 70000/);
  });

  it('reads https-port only from 2.3.12: 2.3.11 warns and keeps its built-in port', () => {
    const config = loadNodeConfig({ env: { SEATUNNEL_SIM_PROFILE: '2.3.11', SEATUNNEL_SIM_HTTPS_PORT: 'not-read', SEATUNNEL_SIM_ENABLE_HTTPS: 'true', SEATUNNEL_SIM_KEY_STORE_PATH: '/k.p12' } });
    assert.equal(config.seatunnel.engine.http.https?.port, 8443);
    assert.ok(config.seatunnel.engine.http.warnings.includes('Unrecognized element: https-port'));
  });

  it('refuses enable-https without a key store', () => {
    assert.throws(() => load({ SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_ENABLE_HTTPS: 'true' }), /key-store-path is not set/);
  });
});

describe('HTTPS', () => {
  let pki: TestPki;
  before(() => {
    pki = createTestPki();
  });
  after(() => rmSync(pki.dir, { recursive: true, force: true }));

  describe('2.3.13: https-port with a PKCS12 key store, HTTP beside it', () => {
    let cluster: TestNodes;
    let node: RunningNode;

    before(async () => {
      cluster = await startTestNodes(1, 29020, {
        ...NARROW,
        SEATUNNEL_SIM_PROFILE: '2.3.13',
        SEATUNNEL_SIM_ENABLE_HTTPS: 'true',
        SEATUNNEL_SIM_HTTPS_PORT: '29025',
        SEATUNNEL_SIM_KEY_STORE_PATH: pki.serverP12,
        SEATUNNEL_SIM_KEY_STORE_PASSWORD: STORE_PASSWORD,
        SEATUNNEL_SIM_KEY_MANAGER_PASSWORD: STORE_PASSWORD,
      });
      node = cluster.nodes[0]!;
    });
    after(async () => cluster?.stop());

    it('answers the overview over TLS with the same JSON as over HTTP', async () => {
      assert.equal(node.httpsPort, 29025);
      assert.equal(node.httpsUrl, 'https://127.0.0.1:29025');
      const plain = await fetch(`${node.url}/overview`);
      const secure = await tlsGet(`${node.httpsUrl}/overview`, pki.ca);
      assert.equal(secure.status, 200);
      assert.equal(secure.headers['content-type'], plain.headers.get('content-type'));
      assert.equal(secure.headers['server'], 'Jetty(9.4.56.v20240826)');
      assert.deepEqual(JSON.parse(secure.text), await plain.json());
    });

    it('serves only Jetty on the TLS port: Hazelcast\'s paths are unknown there', async () => {
      assert.equal((await tlsGet(`${node.httpsUrl}/hazelcast/health/ready`, pki.ca)).status, 404);
    });

    it('refuses a client that does not trust the server\'s CA', async () => {
      await assert.rejects(tlsGet(`${node.httpsUrl}/overview`, pki.stranger.cert), /self[- ]signed|unable to verify|certificate/i);
    });
  });

  describe('two nodes on one host with the same https-port', () => {
    let cluster: TestNodes;

    before(async () => {
      cluster = await startTestNodes(2, 29094, {
        ...NARROW,
        SEATUNNEL_SIM_PROFILE: '2.3.12',
        SEATUNNEL_SIM_ENABLE_HTTPS: 'true',
        SEATUNNEL_SIM_HTTPS_PORT: '29097',
        SEATUNNEL_SIM_KEY_STORE_PATH: pki.serverP12,
        SEATUNNEL_SIM_KEY_STORE_PASSWORD: STORE_PASSWORD,
      });
    });
    after(async () => cluster?.stop());

    it('auto-increments the TLS port like the HTTP one (deviation https-port-increment)', async () => {
      assert.deepEqual(cluster.nodes.map((n) => [n.port, n.httpsPort]), [[29094, 29097], [29095, 29098]]);
      for (const node of cluster.nodes) assert.equal((await tlsGet(`${node.httpsUrl}/overview`, pki.ca)).status, 200);
    });
  });

  describe('2.3.13: basic auth on the TLS port too', () => {
    let cluster: TestNodes;
    let node: RunningNode;

    before(async () => {
      cluster = await startTestNodes(1, 29030, {
        ...auth('2.3.13'),
        SEATUNNEL_SIM_ENABLE_HTTP: 'false',
        SEATUNNEL_SIM_V1_ENABLED: 'true',
        SEATUNNEL_SIM_ENABLE_HTTPS: 'true',
        SEATUNNEL_SIM_HTTPS_PORT: '29035',
        SEATUNNEL_SIM_KEY_STORE_PATH: pki.serverP12,
        SEATUNNEL_SIM_KEY_STORE_PASSWORD: STORE_PASSWORD,
      });
      node = cluster.nodes[0]!;
    });
    after(async () => cluster?.stop());

    it('refuses without credentials and answers with them', async () => {
      const refused = await tlsGet(`${node.httpsUrl}/no-such-path`, pki.ca);
      assert.equal(refused.status, 401);
      assert.equal(refused.headers['www-authenticate'], CHALLENGE);
      assert.match(refused.text, /<tr><th>SERVLET:<\/th><td>default<\/td><\/tr>/);
      assert.equal((await tlsGet(`${node.httpsUrl}/overview`, pki.ca, undefined, { authorization: ADMIN })).status, 200);
    });

    it('serves no REST v2 over plain HTTP with enable-http false, only Hazelcast\'s REST', async () => {
      assert.equal((await call(`${node.url}${V1}/overview`)).status, 200);
      assert.equal((await call(`${node.url}/overview`, { headers: { authorization: ADMIN } })).status, 404);
    });
  });

  describe('mutual TLS: both trust-store keys set', () => {
    let cluster: TestNodes;
    let node: RunningNode;

    before(async () => {
      cluster = await startTestNodes(1, 29040, {
        ...NARROW,
        SEATUNNEL_SIM_PROFILE: '2.3.12',
        SEATUNNEL_SIM_ENABLE_HTTPS: 'true',
        SEATUNNEL_SIM_HTTPS_PORT: '29045',
        SEATUNNEL_SIM_KEY_STORE_PATH: pki.serverP12,
        SEATUNNEL_SIM_KEY_STORE_PASSWORD: STORE_PASSWORD,
        SEATUNNEL_SIM_TRUST_STORE_PATH: pki.trustP12,
        SEATUNNEL_SIM_TRUST_STORE_PASSWORD: TRUST_PASSWORD,
      });
      node = cluster.nodes[0]!;
    });
    after(async () => cluster?.stop());

    it('refuses a client without a certificate, and one signed by another CA', async () => {
      await assert.rejects(tlsGet(`${node.httpsUrl}/overview`, pki.ca), (error: NodeJS.ErrnoException) => {
        assert.match(`${error.code} ${error.message}`, /ECONNRESET|certificate required|handshake|socket hang up/i);
        return true;
      });
      await assert.rejects(tlsGet(`${node.httpsUrl}/overview`, pki.ca, pki.stranger), (error: NodeJS.ErrnoException) => {
        assert.match(`${error.code} ${error.message}`, /ECONNRESET|unknown ca|certificate|socket hang up/i);
        return true;
      });
    });

    it('accepts a client whose certificate the trust store\'s CA signed', async () => {
      const answer = await tlsGet(`${node.httpsUrl}/overview`, pki.ca, pki.client);
      assert.equal(answer.status, 200);
      assert.equal(JSON.parse(answer.text).projectVersion, '2.3.12');
    });
  });

  describe('2.3.11: the built-in HTTPS port, stores the node cannot use', () => {
    let store: TestStore;
    before(async () => {
      store = await openTestStore('memory');
    });
    after(async () => store?.release());

    it('binds the built-in port (test-https-default-port standing in for 8443), ignores https-port, filters both listeners', async () => {
      const node = await startTestNode(store, {
        ...NARROW,
        SEATUNNEL_SIM_PORT: '29050',
        SEATUNNEL_SIM_PROFILE: '2.3.11',
        SEATUNNEL_SIM_ENABLE_BASIC_AUTH: 'true',
        SEATUNNEL_SIM_ENABLE_HTTPS: 'true',
        SEATUNNEL_SIM_HTTPS_PORT: '29060',
        SEATUNNEL_SIM_TEST_HTTPS_DEFAULT_PORT: '29055',
        SEATUNNEL_SIM_KEY_STORE_PATH: pki.serverP12,
        SEATUNNEL_SIM_KEY_STORE_PASSWORD: STORE_PASSWORD,
      }, 'https-2.3.11');
      try {
        assert.equal(node.httpsPort, 29055);
        const refused = await tlsGet(`${node.httpsUrl}/overview`, pki.ca);
        assert.equal(refused.status, 401);
        assert.equal(refused.headers['www-authenticate'], CHALLENGE);
        await assertRefused(node.url, '/overview', OVERVIEW_SERVLET);
        const answer = await tlsGet(`${node.httpsUrl}/overview`, pki.ca, undefined, { authorization: ADMIN });
        assert.equal(answer.status, 200);
        assert.equal(JSON.parse(answer.text).projectVersion, '2.3.11');
        // 2.3.11 asks every member, itself too, without the credentials: even one node's listing fails.
        const logs = await call(`${node.url}/logs?format=json`, { headers: { authorization: ADMIN } });
        assert.equal(logs.status, 500);
        assert.deepEqual(logs.json(), { status: 'fail', message: 'Json deserialization exception.' });
      } finally {
        await node.stop();
      }
    });

    it('refuses a JKS key store with the keytool command that converts it', async () => {
      const env = { ...NARROW, SEATUNNEL_SIM_PORT: '29065', SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_ENABLE_HTTPS: 'true', SEATUNNEL_SIM_HTTPS_PORT: '29068', SEATUNNEL_SIM_KEY_STORE_PATH: pki.serverJks, SEATUNNEL_SIM_KEY_STORE_PASSWORD: STORE_PASSWORD };
      await assert.rejects(startTestNode(store, env, 'jks'), (error: unknown) => {
        assert.ok(error instanceof KeyStoreError);
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /is a Java JKS key store/);
        assert.match(error.message, /keytool -importkeystore -srckeystore \S+server\.jks -destkeystore \S+server\.p12 -deststoretype PKCS12/);
        return true;
      });
      // Nothing was bound: the port is free for the next node.
      const node = await startTestNode(store, { ...NARROW, SEATUNNEL_SIM_PORT: '29065', SEATUNNEL_SIM_PORT_AUTO_INCREMENT: 'false' }, 'after-jks');
      assert.equal(node.port, 29065);
      await node.stop();
    });

    it('refuses a wrong key-store password, naming the key', async () => {
      const env = { ...NARROW, SEATUNNEL_SIM_PORT: '29070', SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_ENABLE_HTTPS: 'true', SEATUNNEL_SIM_HTTPS_PORT: '29073', SEATUNNEL_SIM_KEY_STORE_PATH: pki.serverP12, SEATUNNEL_SIM_KEY_STORE_PASSWORD: 'wrong' };
      await assert.rejects(startTestNode(store, env, 'bad-password'), /key-store-path \S+server\.p12: cannot open it as a PKCS12 key store with key-store-password/);
    });

    it('reads a key store in the legacy ciphers older tools wrote (RC2, which OpenSSL 3 no longer loads)', async () => {
      const path = pki.legacyP12;
      assert.ok(path, 'this openssl cannot write a -legacy PKCS12 file');
      const node = await startTestNode(store, { ...NARROW, SEATUNNEL_SIM_PORT: '29075', SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_ENABLE_HTTPS: 'true', SEATUNNEL_SIM_HTTPS_PORT: '29078', SEATUNNEL_SIM_KEY_STORE_PATH: path, SEATUNNEL_SIM_KEY_STORE_PASSWORD: STORE_PASSWORD }, 'legacy');
      try {
        assert.equal((await tlsGet(`${node.httpsUrl}/overview`, pki.ca)).status, 200);
      } finally {
        await node.stop();
      }
    });
  });
});

describe('the /logs fan-out with basic auth on, across two nodes', () => {
  const listing = async (url: string, authorization: string) => call(`${url}/logs?format=json`, { headers: { authorization } });

  describe('2.3.13: the credentials go with the request (#9968)', () => {
    let cluster: TestNodes;
    before(async () => {
      cluster = await startTestNodes(2, 29080, auth('2.3.13'));
    });
    after(async () => cluster?.stop());

    it('lists the files of both nodes', async () => {
      const [a, b] = cluster.nodes as [RunningNode, RunningNode];
      const answer = await listing(a.url, ADMIN);
      assert.equal(answer.status, 200, answer.text);
      const links = (answer.json() as { logLink: string }[]).map((f) => f.logLink);
      assert.ok(links.includes(`${a.url}/logs/seatunnel-engine-server.log`), links.join(' '));
      assert.ok(links.includes(`${b.url}/logs/seatunnel-engine-server.log`), links.join(' '));
      assert.equal((await call(`${b.url}/get-all-log-name`)).status, 401);
    });
  });

  describe('2.3.12: no credentials sent, so the refusals break the listing (#9755)', () => {
    let cluster: TestNodes;
    before(async () => {
      cluster = await startTestNodes(2, 29090, auth('2.3.12'));
    });
    after(async () => cluster?.stop());

    it('answers 500 "Json deserialization exception." as JSON and as HTML', async () => {
      const [a, b] = cluster.nodes as [RunningNode, RunningNode];
      for (const path of ['/logs?format=json', '/logs', '/logs/123']) {
        const answer = await call(`${a.url}${path}`, { headers: { authorization: ADMIN } });
        assert.equal(answer.status, 500, path);
        assert.deepEqual(answer.json(), { status: 'fail', message: 'Json deserialization exception.' }, path);
      }
      // Each node's own files are still there for the asking, with credentials.
      const names = await call(`${b.url}/get-all-log-name`, { headers: { authorization: ADMIN } });
      assert.equal(names.status, 200);
      assert.ok((names.json() as string[]).includes('seatunnel-engine-server.log'));
    });
  });
});

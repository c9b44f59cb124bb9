import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { webUi, webUiDirectory } from '../src/http/web-ui.js';
import { call, startTestNodes, type TestNodes } from './support.js';

const UI = webUiDirectory();
const PORT = 29510;

/** A file of the fetched UI's assets/ with this extension (their names carry build hashes). */
function asset(ext: string): string {
  const name = readdirSync(join(UI, 'assets')).find((f) => f.endsWith(ext));
  assert.ok(name, `no ${ext} file in ${UI}/assets`);
  return name;
}

/** A GET with the path sent as written (fetch's URL parser would resolve `%2e%2e` first). */
function rawGet(base: string, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('latin1') }));
    });
    req.path = path;
    req.on('error', reject);
    req.end();
  });
}

/**
 * SeaTunnel's Web UI as each node serves it (Jetty's DefaultServlet at `/` of the v2 context):
 * the files of SeaTunnel 2.3.13's ui/ folder (scripts/seatunnel/fetch-ui.sh), the welcome file at
 * the root, no SPA fallback, REST paths first, per profile and context path.
 */
describe('web UI files', () => {
  let cluster: TestNodes;
  let base: string;

  before(async () => {
    assert.ok(existsSync(join(UI, 'index.html')), `SeaTunnel's UI is not in ${UI}: run npm run seatunnel:fetch-ui`);
    cluster = await startTestNodes(1, PORT, { SEATUNNEL_SIM_PROFILE: '2.3.13' });
    base = cluster.nodes[0]!.url;
  });
  after(async () => cluster?.stop());

  it('answers index.html at / and /index.html, as Jetty with its headers', async () => {
    const index = readFileSync(join(UI, 'index.html'), 'utf8');
    for (const path of ['/', '/index.html']) {
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'text/html;charset=utf-8', path);
      assert.equal(response.headers.get('server'), 'Jetty(9.4.56.v20240826)', path);
      assert.ok(response.headers.get('last-modified'), `${path}: Last-Modified`);
      assert.equal(response.headers.get('cache-control'), null, `${path}: DefaultServlet sends no Cache-Control`);
      assert.equal(await response.text(), index, path);
    }
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(index)));
  });

  it('serves the assets and the icon with their content types and exact bytes', async () => {
    const cases: [string, RegExp][] = [
      [`/assets/${asset('.js')}`, /javascript/],
      [`/assets/${asset('.css')}`, /^text\/css/],
      [`/assets/${asset('.png')}`, /^image\/png$/],
      ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)$/],
    ];
    for (const [path, type] of cases) {
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', type, path);
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), readFileSync(join(UI, path)), path);
    }
  });

  it('REST paths win, and paths that are no file get Jetty\'s 404 page: no SPA fallback, no folder, nothing outside ui/', async () => {
    const overview = await call(`${base}/overview`);
    assert.equal(overview.status, 200);
    assert.equal(overview.json().projectVersion, '2.3.13');
    for (const path of ['/jobs', '/overview-page', '/assets/', '/assets', '/assets/missing.js', '/%2e%2e/package.json', '/assets/%2e%2e/%2e%2e/ui/index.html']) {
      const response = await rawGet(base, path);
      assert.equal(response.status, 404, `${path}: ${response.text.slice(0, 120)}`);
      assert.match(response.text, /<th>SERVLET:<\/th><td>default<\/td>/, path);
    }
  });
});

describe('web UI by profile and context path', () => {
  it('2.3.8 and seed have no Jetty and no UI: / is not the page', async () => {
    // A port each: a keep-alive socket to a stopped node must not be reused for the next one.
    for (const [i, profile] of ['2.3.8', 'seed'].entries()) {
      const cluster = await startTestNodes(1, PORT + 10 + i * 5, { SEATUNNEL_SIM_PROFILE: profile });
      try {
        const response = await call(`${cluster.nodes[0]!.url}/`);
        assert.notEqual(response.status, 200, profile);
        assert.doesNotMatch(response.text, /<div id="app">/, profile);
      } finally {
        await cluster.stop();
      }
    }
  });

  it('2.3.9 serves the same files; under a context path the page is at <context-path>/ (its absolute /assets links then miss, as in SeaTunnel)', async () => {
    const cluster = await startTestNodes(1, PORT + 20, { SEATUNNEL_SIM_PROFILE: '2.3.9', SEATUNNEL_SIM_CONTEXT_PATH: '/seatunnel' });
    try {
      const base = cluster.nodes[0]!.url;
      const page = await call(`${base}/seatunnel/`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<div id="app">/);
      assert.equal((await call(`${base}/seatunnel/assets/${asset('.js')}`)).status, 200);
      assert.equal((await call(`${base}/seatunnel/overview`)).json().projectVersion, '2.3.9');
      // The bundled UI asks for /assets/… and /overview at the root: outside the context.
      const js = /src="(\/assets\/[^"]+)"/.exec(page.text)?.[1];
      assert.ok(js);
      assert.notEqual((await call(`${base}${js}`)).status, 200);
      assert.notEqual((await call(`${base}/`)).status, 200);
    } finally {
      await cluster.stop();
    }
  });

  it('without the files the node serves the API and says so in one line', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } }));
    const missing = join(UI, 'no-such-folder');
    webUi(missing, '', logger);
    webUi(missing, '', logger); // the HTTPS listener's app: not said twice
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0]!) as { level: number; msg: string };
    assert.equal(line.level, 40);
    assert.match(line.msg, /^UI resources not found in classpath: no .*no-such-folder\/index\.html; the REST API is served without the Web UI/);

    const previous = process.env['SEATUNNEL_SIM_UI_DIR'];
    process.env['SEATUNNEL_SIM_UI_DIR'] = missing;
    const cluster = await startTestNodes(1, PORT + 30, { SEATUNNEL_SIM_PROFILE: '2.3.13' });
    try {
      const base = cluster.nodes[0]!.url;
      assert.equal((await call(`${base}/`)).status, 404);
      assert.equal((await call(`${base}/favicon.ico`)).status, 404);
      assert.equal((await call(`${base}/overview`)).status, 200);
    } finally {
      if (previous === undefined) delete process.env['SEATUNNEL_SIM_UI_DIR'];
      else process.env['SEATUNNEL_SIM_UI_DIR'] = previous;
      await cluster.stop();
    }
  });
});

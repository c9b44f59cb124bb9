import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadNodeConfig, startNode, type RunningNode } from '../src/index.js';
import { call, startTestNodes, type TestNodes } from './support.js';

/** /loggers (3.0, apache/seatunnel#11984): LoggersServlet over LoggerLevelService, node-local overrides. */
describe('/loggers on two 3.0 nodes', () => {
  let cluster: TestNodes;
  let a: string;
  let b: string;
  let own: RunningNode;
  const ownLogger = createLogger('warn', 'loggers-test');
  const send = (url: string, method: string, body?: string) => call(url, { method, ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }) });
  before(async () => {
    cluster = await startTestNodes(2, 30350, { SEATUNNEL_SIM_PROFILE: '3.0' });
    a = cluster.nodes[0]!.url;
    b = cluster.nodes[1]!.url;
    // A third node whose pino logger the test holds.
    const config = loadNodeConfig({ env: { ...cluster.store.env, SEATUNNEL_SIM_PROFILE: '3.0', SEATUNNEL_SIM_PORT: '30380', SEATUNNEL_SIM_LOG_LEVEL: 'warn', SEATUNNEL_SIM_LOG_DIR: join(tmpdir(), 'seatunnel-sim-loggers-test') } });
    own = await startNode(config, ownLogger, cluster.store.options);
  });
  after(async () => {
    await own.stop();
    await cluster.stop();
  });

  it('lists the loggers of log4j2.properties with their levels, origin file', async () => {
    const body = (await call(`${a}/loggers`)).json();
    assert.deepEqual(Object.keys(body), ['node', 'loggers']);
    assert.match(body.node, /^127\.0\.0\.1:\d+$/);
    const levels = Object.fromEntries(body.loggers.map((l: { name: string; level: string }) => [l.name, l.level]));
    assert.deepEqual(levels, { root: 'INFO', 'org.apache.seatunnel.engine': 'INFO', 'io.debezium.connector': 'WARN' });
    for (const l of body.loggers) assert.deepEqual(Object.keys(l), ['name', 'level', 'origin']);
  });

  it('reads an unconfigured name through its closest configured ancestor', async () => {
    const body = (await call(`${a}/loggers/org.apache.seatunnel.engine.server.CoordinatorService`)).json();
    assert.deepEqual(body, { name: 'org.apache.seatunnel.engine.server.CoordinatorService', level: 'INFO', origin: 'file', node: body.node });
  });

  it('POST overrides (query or JSON body, any case), DELETE reverts, a second DELETE is NO_OVERRIDE; other nodes keep theirs', async () => {
    const set = (await send(`${a}/loggers/org.apache.seatunnel.engine?level=debug`, 'POST')).json();
    assert.deepEqual(Object.keys(set), ['name', 'level', 'origin', 'fileLevel', 'node', 'previousLevel', 'status']);
    assert.equal(set.level, 'DEBUG');
    assert.equal(set.origin, 'runtime-override');
    assert.equal(set.fileLevel, 'INFO');
    assert.equal(set.previousLevel, 'INFO');
    assert.equal(set.status, 'SUCCESS');
    const child = (await call(`${a}/loggers/org.apache.seatunnel.engine.server.X`)).json();
    assert.equal(child.level, 'DEBUG');
    assert.equal((await call(`${b}/loggers/org.apache.seatunnel.engine`)).json().level, 'INFO');
    const viaBody = (await send(`${a}/loggers/com.example`, 'POST', '{"level":"TRACE"}')).json();
    assert.equal(viaBody.previousLevel, 'INFO');
    assert.equal(viaBody.fileLevel, undefined, 'an unconfigured logger has no file level');
    assert.ok((await call(`${a}/loggers`)).json().loggers.some((l: { name: string }) => l.name === 'com.example'));
    const reset = (await send(`${a}/loggers/org.apache.seatunnel.engine`, 'DELETE')).json();
    assert.deepEqual([reset.level, reset.origin, reset.previousLevel, reset.status], ['INFO', 'file', 'DEBUG', 'SUCCESS']);
    const again = (await send(`${a}/loggers/org.apache.seatunnel.engine`, 'DELETE')).json();
    assert.equal(again.status, 'NO_OVERRIDE');
    await send(`${a}/loggers/com.example`, 'DELETE');
    assert.ok(!(await call(`${a}/loggers`)).json().loggers.some((l: { name: string }) => l.name === 'com.example'));
  });

  it("an override that reaches the server's loggers sets the node's own log level; its revert restores the configured one", async () => {
    await send(`${own.url}/loggers/io.debezium.connector?level=TRACE`, 'POST');
    assert.equal(ownLogger.level, 'warn', 'a logger outside the server leaves it alone');
    await send(`${own.url}/loggers/org.apache.seatunnel.engine?level=DEBUG`, 'POST');
    assert.equal(ownLogger.level, 'debug');
    await send(`${own.url}/loggers/root?level=OFF`, 'POST');
    assert.equal(ownLogger.level, 'debug', 'the closer configured logger still decides');
    await send(`${own.url}/loggers/org.apache.seatunnel.engine`, 'DELETE');
    assert.equal(ownLogger.level, 'warn', 'back to the file level of org.apache.seatunnel.engine: the configured one');
    await send(`${own.url}/loggers/root`, 'DELETE');
    await send(`${own.url}/loggers/io.debezium.connector`, 'DELETE');
  });

  it('refuses as the servlet does: 400 {"status":"fail"}', async () => {
    const cases: [string, string, string | undefined, string][] = [
      [`${a}/loggers`, 'POST', undefined, 'The logger name must not be empty, use /loggers/{name}.'],
      [`${a}/loggers/x`, 'POST', 'not json', 'The level is required, send it as ?level=DEBUG or as {"level":"DEBUG"}.'],
      [`${a}/loggers/x?level=LOUD`, 'POST', undefined, "Unknown logger level 'LOUD', valid levels are: OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL"],
      [`${a}/loggers?scope=planet`, 'GET', undefined, "Unknown scope 'planet', valid scopes are: node, cluster"],
      [`${a}/loggers/`, 'DELETE', undefined, 'The logger name must not be empty, use /loggers/{name}.'],
    ];
    for (const [url, method, body, message] of cases) {
      const res = await send(url, method, body);
      assert.equal(res.status, 400, url);
      assert.deepEqual(res.json(), { status: 'fail', message });
    }
    assert.equal((await send(`${a}/loggers/x`, 'PUT')).status, 405);
  });

  it('scope=cluster runs the request on every member and collects their answers', async () => {
    const set = (await send(`${a}/loggers/io.debezium.connector?level=ERROR&scope=cluster`, 'POST')).json();
    assert.deepEqual(Object.keys(set), ['scope', 'status', 'name', 'level', 'nodes']);
    assert.equal(set.status, 'SUCCESS');
    assert.equal(set.nodes.length, 3);
    for (const n of set.nodes) assert.deepEqual([n.level, n.previousLevel, n.status], ['ERROR', 'WARN', 'SUCCESS']);
    assert.equal((await call(`${b}/loggers/io.debezium.connector`)).json().level, 'ERROR');
    const list = (await call(`${b}/loggers?scope=CLUSTER`)).json();
    assert.deepEqual(Object.keys(list), ['scope', 'status', 'nodes']);
    const reset = (await send(`${b}/loggers/io.debezium.connector?scope=cluster`, 'DELETE')).json();
    assert.deepEqual(reset.nodes.map((n: { status: string }) => n.status), ['SUCCESS', 'SUCCESS', 'SUCCESS']);
  });
});

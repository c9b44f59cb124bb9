import { V2_ONLY, type Check, type Expectation } from '../check.js';

/**
 * /loggers (3.0, apache/seatunnel#11984, after #11981): LoggersServlet over the node's log4j2
 * loggers. Overrides are node-local, so each node sets, reads and reverts its own; the POST and
 * DELETE checks run in this order on every node and leave it as the file configured it.
 * Docs: engines/zeta/rest-api-v2.md "Logger levels".
 */
const GSON_JSON = 'application/json;charset=utf-8';
/** A logger no file configures: its level comes from root (INFO). */
const NAME = 'cs.conformance.logger';

/**
 * The servlet's own refusal: 400 `{"status":"fail","message":…}`. Compared in a predicate, as
 * `equals` would fill the message's `{name}` in as a fixture.
 */
const refused = (message: string): Expectation => ({
  status: 400,
  keyOrder: { '': ['status', 'message'] },
  predicate: (body) => (body.status === 'fail' && body.message === message ? null : `expected {"status":"fail","message":${JSON.stringify(message)}}`),
});

const base = { endpoint: 'E24', api: V2_ONLY, since: '3.0' } as const;

export const loggerChecks: Check[] = [
  {
    ...base,
    name: "loggers: the node's loggers of log4j2.properties with their levels, origin file",
    path: '/loggers',
    expect: {
      status: 200,
      contentType: GSON_JSON,
      keyOrder: { '': ['node', 'loggers'], 'loggers[*]': ['name', 'level', 'origin'] },
      predicate: (body, ctx) => {
        // LoggerLevelService.nodeId(): the host and the *configured* HTTP port, so members that
        // auto-incremented from one configured port all say the same port.
        const [host] = ctx.node.hostPort.split(':');
        if (typeof body.node !== 'string' || !body.node.startsWith(`${host}:`) || !/:\d+$/.test(body.node)) return `node ${body.node}, expected ${host}:<port>`;
        const levels = Object.fromEntries((body.loggers as Array<{ name: string; level: string; origin: string }>).map((l) => [l.name, `${l.level}/${l.origin}`]));
        const wanted = { root: 'INFO/file', 'org.apache.seatunnel.engine': 'INFO/file', 'io.debezium.connector': 'WARN/file' };
        for (const [name, level] of Object.entries(wanted)) if (levels[name] !== level) return `${name}: ${levels[name]}, expected ${level}`;
        return levels[NAME] === undefined ? null : `${NAME} is still overridden`;
      },
    },
  },
  {
    ...base,
    name: 'loggers/{name}: a logger no file names takes its closest configured ancestor',
    path: '/loggers/org.apache.seatunnel.engine.server.CoordinatorService',
    expect: { status: 200, contentType: GSON_JSON, keyOrder: { '': ['name', 'level', 'origin', 'node'] }, json: { name: 'org.apache.seatunnel.engine.server.CoordinatorService', level: 'INFO', origin: 'file' } },
  },
  {
    ...base,
    name: 'loggers/{name}?level=debug: POST overrides (any case) → SUCCESS with the previous level',
    method: 'POST',
    path: `/loggers/${NAME}?level=debug`,
    expect: {
      status: 200,
      contentType: GSON_JSON,
      keyOrder: { '': ['name', 'level', 'origin', 'node', 'previousLevel', 'status'] },
      json: { name: NAME, level: 'DEBUG', origin: 'runtime-override', previousLevel: 'INFO', status: 'SUCCESS' },
    },
  },
  { ...base, name: 'loggers/{name}: GET shows the override', path: `/loggers/${NAME}`, expect: { status: 200, json: { name: NAME, level: 'DEBUG', origin: 'runtime-override' } } },
  {
    ...base,
    name: 'loggers/{name} POST with a JSON body {"level":"ERROR"} on a configured logger keeps its fileLevel',
    method: 'POST',
    path: '/loggers/io.debezium.connector',
    body: { level: 'ERROR' },
    expect: { status: 200, keyOrder: { '': ['name', 'level', 'origin', 'fileLevel', 'node', 'previousLevel', 'status'] }, json: { level: 'ERROR', origin: 'runtime-override', fileLevel: 'WARN', previousLevel: 'WARN', status: 'SUCCESS' } },
  },
  { ...base, name: 'loggers/{name}: DELETE reverts to the file level → SUCCESS', method: 'DELETE', path: '/loggers/io.debezium.connector', expect: { status: 200, json: { level: 'WARN', origin: 'file', previousLevel: 'ERROR', status: 'SUCCESS' } } },
  { ...base, name: 'loggers/{name}: DELETE of an unconfigured override → back to root INFO', method: 'DELETE', path: `/loggers/${NAME}`, expect: { status: 200, json: { name: NAME, level: 'INFO', origin: 'file', previousLevel: 'DEBUG', status: 'SUCCESS' } } },
  { ...base, name: 'loggers/{name}: a second DELETE → NO_OVERRIDE', method: 'DELETE', path: `/loggers/${NAME}`, expect: { status: 200, json: { name: NAME, level: 'INFO', status: 'NO_OVERRIDE' } } },
  { ...base, name: 'loggers POST without a name → 400', method: 'POST', path: '/loggers?level=DEBUG', expect: refused('The logger name must not be empty, use /loggers/{name}.') },
  { ...base, name: 'loggers DELETE without a name → 400', method: 'DELETE', path: '/loggers/', expect: refused('The logger name must not be empty, use /loggers/{name}.') },
  { ...base, name: 'loggers/{name} POST without a level (body not JSON) → 400', method: 'POST', path: `/loggers/${NAME}`, body: 'not json', expect: refused('The level is required, send it as ?level=DEBUG or as {"level":"DEBUG"}.') },
  { ...base, name: 'loggers/{name}?level=LOUD → 400 listing the levels', method: 'POST', path: `/loggers/${NAME}?level=LOUD`, expect: refused("Unknown logger level 'LOUD', valid levels are: OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL") },
  { ...base, name: 'loggers?scope=planet → 400 before anything else', path: '/loggers?scope=planet', expect: refused("Unknown scope 'planet', valid scopes are: node, cluster") },
  { ...base, name: 'loggers/{name}: PUT → 405 (doGet, doPost and doDelete only)', method: 'PUT', path: `/loggers/${NAME}`, expect: { status: 405 } },
];

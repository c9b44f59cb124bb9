import { LOG4J_LEVELS, parseLog4jLevel } from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';

/**
 * /loggers[/:name][?scope=node|cluster][&level=] (3.0, apache/seatunnel#11984), as LoggersServlet
 * reads a request: the name is the path after /loggers (trimmed; empty = the whole list), an
 * unknown scope is refused before anything else, POST takes `level` from the query or from a JSON
 * body's `level` field (an unparsable body counts as none). Its refusals are 400
 * `{"status":"fail","message":…}` written by the servlet itself.
 */
const fail = (message: string): ApiResponse => ({ kind: 'raw-json', status: 400, text: JSON.stringify({ status: 'fail', message }) });

function loggerName(req: ApiRequest): string | null {
  if (req.rest === '') return null;
  // getPathInfo() is decoded.
  let rest = req.rest;
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // left as sent
  }
  const name = (rest.startsWith('/') ? rest.slice(1) : rest).trim();
  return name === '' ? null : name;
}

/** null: a scope the servlet accepts; else its refusal. */
function scopeRefusal(req: ApiRequest): ApiResponse | null {
  const scope = req.query['scope'];
  if (scope === undefined || ['cluster', 'node'].includes(scope.toLowerCase())) return null;
  return fail(`Unknown scope '${scope}', valid scopes are: node, cluster`);
}

const clusterScope = (req: ApiRequest): boolean => req.query['scope']?.toLowerCase() === 'cluster';
const NO_NAME = 'The logger name must not be empty, use /loggers/{name}.';
const client = (req: ApiRequest): string => req.remoteAddress ?? '';

async function requestedLevel(req: ApiRequest): Promise<string | null> {
  const level = req.query['level'];
  if (level !== undefined) return level;
  // BaseServlet.requestBody joins the lines without their breaks.
  const body = (await req.body()).replace(/\r?\n/g, '');
  if (body === '') return null;
  try {
    const json: unknown = JSON.parse(body);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
    const value = (json as Record<string, unknown>)['level'];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

export async function getLoggers(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const name = loggerName(req);
  const refused = scopeRefusal(req);
  if (refused) return refused;
  if (clusterScope(req)) return { kind: 'raw-json', text: await services.loggers.fanOut('GET', name, null) };
  return { kind: 'raw-json', text: name === null ? services.loggers.loggersJson() : services.loggers.loggerJson(name) };
}

export async function postLogger(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const name = loggerName(req);
  if (name === null) return fail(NO_NAME);
  const refused = scopeRefusal(req);
  if (refused) return refused;
  const levelName = await requestedLevel(req);
  if (levelName === null) return fail('The level is required, send it as ?level=DEBUG or as {"level":"DEBUG"}.');
  const level = parseLog4jLevel(levelName);
  if (level === null) return fail(`Unknown logger level '${levelName}', valid levels are: ${LOG4J_LEVELS.join(', ')}`);
  if (clusterScope(req)) return { kind: 'raw-json', text: await services.loggers.fanOut('POST', name, level) };
  return { kind: 'raw-json', text: services.loggers.setLevel(name, level, client(req)) };
}

export async function deleteLogger(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const name = loggerName(req);
  if (name === null) return fail(NO_NAME);
  const refused = scopeRefusal(req);
  if (refused) return refused;
  if (clusterScope(req)) return { kind: 'raw-json', text: await services.loggers.fanOut('DELETE', name, null) };
  return { kind: 'raw-json', text: services.loggers.resetLevel(name, client(req)) };
}

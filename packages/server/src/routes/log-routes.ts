import { apiProfile, allNodeLogsHtml, localLogsHtml, logParam, logTailText, nodeLogFiles, wantsJson } from '@seatunnel-sim/engine';
import { json, V1_PREFIX, type ApiRequest, type ApiResponse } from '../http/api-types.js';
import { servletText } from '../http/servlet-text.js';
import type { Services } from '../services/services.js';
import { parseV1RawParams } from './query.js';

const html = (text: string): ApiResponse => ({ kind: 'text', text, contentType: 'text/html; charset=UTF-8' });
const plain = (text: string): ApiResponse => ({ kind: 'text', text, contentType: 'text/plain; charset=UTF-8' });
/**
 * A file's content: v2 writes it with BaseServlet.write (servlet-text.ts). From 3.1 both APIs
 * send at most log-response-max-size-mb of it, the tail (#12299).
 */
function fileContent(req: ApiRequest, services: Services, content: string): ApiResponse {
  const text = logTailText(content, services.config.seatunnel.engine.http['log-response-max-bytes']);
  return req.api === 'v2' ? servletText(apiProfile(services.config.api.profile), text) : plain(text);
}

/** v1 finds the parameter in the URI with its query string; v2 in the path only. */
const param = (req: ApiRequest): string => logParam(req.rest, req.api === 'v1' ? req.rawQuery : null);

/** GET /get-all-log-name: this node's log file names (v1 sends the JSON as text/plain). */
export async function getAllLogNames(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const text = JSON.stringify(await services.logs.localNames());
  return req.api === 'v1' ? plain(text) : { kind: 'raw-json', text };
}

/**
 * GET /logs[/{jobId}|/{file}.log][?format=json]: a parameter containing ".log" is a file of this
 * node; otherwise the files of every live node, those whose name contains the parameter if given,
 * as HTML links or (format=json) a JSON list. Links point at each node's own REST address.
 */
export async function getLogs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const target = param(req);
  if (target.includes('.log')) return fileContent(req, services, await services.logs.read(target));
  const format = req.api === 'v1' ? parseV1RawParams(req.rawQuery)['format'] : req.query['format'];
  const prefix = req.api === 'v1' ? V1_PREFIX.slice(0, -1) : services.config.seatunnel.engine.http['context-path'];
  const nodes = await services.logs.allNodes();
  const files = nodeLogFiles(
    nodes.map(({ node, files: names }) => ({ node: `${node.host}:${node.port}`, logsUrl: `${node.url}${prefix}/logs`, files: names })),
    target,
  );
  return wantsJson(format) ? json(files) : html(allNodeLogsHtml(files));
}

/** GET /log[/{file}]: this node's files as HTML links relative to the page, or one file's content. */
export async function getLocalLogs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const target = param(req);
  if (target === '') return html(localLogsHtml(await services.logs.localNames()));
  return fileContent(req, services, await services.logs.read(target));
}

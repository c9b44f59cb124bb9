import {
  apiProfile,
  healthMetricsView,
  javaToString,
  overviewView,
  parseJsonBody,
  requireJsonObject,
  runningThreadsView,
  threadDumpView,
} from '@seatunnel-sim/engine';
import { json, type ApiRequest, type ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';
import { parseV1RawParams } from './query.js';

/** GET /overview[?tag=value…]: every query parameter is a tag filter (v1 reads the raw query, v2 decoded parameters). */
export async function getClusterOverview(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const filter = req.api === 'v1' ? parseV1RawParams(req.rawQuery) : req.query;
  const { workers, counts } = await services.nodes.overview();
  const profile = apiProfile(services.config.api.profile);
  return json(overviewView(workers, counts, filter, { ...profile.release, pendingJobs: profile.overviewPendingJobs }));
}

/** GET /system-monitoring-information: one object per live node, master first. */
export async function getSystemMonitoringInformation(_req: ApiRequest, services: Services): Promise<ApiResponse> {
  const nodes = await services.nodes.health();
  return json(nodes.map(({ sample, context }) => healthMetricsView(sample, context)));
}

/** GET /thread-dump: the answering node's threads with their stacks. */
export async function getThreadDump(_req: ApiRequest, services: Services): Promise<ApiResponse> {
  return json(threadDumpView(services.nodes.threads()));
}

/** GET /running-threads: the answering node's threads and their class loaders, by name. */
export async function getRunningThreads(_req: ApiRequest, services: Services): Promise<ApiResponse> {
  return json(runningThreadsView(services.nodes.threads()));
}

/**
 * POST /update-tags: the body object replaces the answering node's tags; values are taken as Java
 * prints them, null as "". v1 confirms with a message, v2 without.
 */
export async function postUpdateTags(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const body = requireJsonObject(parseJsonBody(await req.body()));
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) tags[key] = value === null ? '' : javaToString(value);
  await services.nodes.updateTags(tags);
  return json(req.api === 'v1' ? { status: 'success', message: 'update node tags done.' } : { status: 'success' });
}

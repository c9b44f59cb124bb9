import type { Context } from 'koa';
import type { ApiVersion } from './api-types.js';

/** What the app keeps in Koa's `ctx.state` for a request: which API answers it. */
export interface AppState {
  api?: ApiVersion;
}

const state = (ctx: Context): AppState => ctx.state as AppState;

/** Marks the request as answered by REST v1 (Hazelcast's REST) or v2 (Jetty). */
export function setApi(ctx: Context, api: ApiVersion): void {
  state(ctx).api = api;
}

/** The API answering the request; requests no router claimed are Jetty's (v2). */
export function apiOf(ctx: Context): ApiVersion {
  return state(ctx).api ?? 'v2';
}

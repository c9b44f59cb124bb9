import { apiProfile, type ProfileName } from '@seatunnel-sim/engine';
import { V1_PREFIX } from '../http/api-types.js';
import { ENDPOINTS } from '../routes/endpoints.js';
import { endpointDoc } from './endpoint-docs.js';
import { componentSchemas, type JsonSchema } from './schemas.js';

/** Where the simulator serves a release's description (v2 root, or under the context path). */
export const OPENAPI_PATH = '/openapi.json';

const JETTY_PAGES = 'Unknown paths answer 404 and a known path with another method 405, both as Jetty HTML pages.';

/**
 * An OpenAPI 3.1 description of one profile's REST API, built from the same data the server routes
 * by: the endpoint registry (routes/endpoints.ts) filtered by the profile's endpoints, and the
 * profile's variants. A release with REST v2 is described by its v2 paths (v1 shares their
 * shapes); 2.3.8 and seed have only v1, under /hazelcast/rest/maps.
 */
export function openApiDocument(profileName: ProfileName, contextPath = ''): JsonSchema {
  const profile = apiProfile(profileName);
  const paths: Record<string, JsonSchema> = {};
  for (const endpoint of ENDPOINTS) {
    if (!profile.endpoints.has(endpoint.name) || (!profile.v2 && endpoint.v1 === false)) continue;
    const doc = endpointDoc(endpoint.name, profile) ?? {
      summary: `${endpoint.name} (answer not described)`,
      paths: [{ suffix: '', parameters: [] }],
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: {} } } } },
    };
    const methods = [endpoint.method, ...Object.keys(endpoint.more ?? {})];
    for (const variant of doc.paths) {
      const item: JsonSchema = {};
      for (const method of methods) {
        item[method.toLowerCase()] = {
          operationId: operationId(method, endpoint.name + variant.suffix),
          summary: doc.summary,
          ...(variant.parameters.length > 0 ? { parameters: variant.parameters } : {}),
          ...(method === 'POST' && doc.requestBody ? { requestBody: doc.requestBody } : {}),
          responses: doc.responses,
        };
      }
      paths[`/${endpoint.name}${variant.suffix}`] = item;
    }
  }
  const basicAuth = profile.http.basicAuth;
  return {
    openapi: '3.1.0',
    info: {
      title: `Apache SeaTunnel (Zeta) REST API ${profile.v2 ? 'v2' : 'v1'}, release ${profile.release.projectVersion}`,
      version: profile.release.projectVersion,
      description:
        `The REST API of SeaTunnel ${profile.release.projectVersion} as seatunnel-sim's profile \`${profile.name}\` serves it. ` +
        'Numbers are strings where SeaTunnel writes them so (counters, slots, metrics) and job ids are 64-bit strings. ' +
        (profile.v2 ? JETTY_PAGES : 'Paths not listed fall through to Hazelcast REST.'),
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: profile.v2 ? contextPath || '/' : V1_PREFIX.replace(/\/$/, '') }],
    paths,
    components: {
      schemas: componentSchemas(profile),
      ...(basicAuth ? { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic', description: 'seatunnel.engine.http.enable-basic-auth (off by default)' } } } : {}),
    },
    // Optional: SeaTunnel ships with basic auth off.
    ...(basicAuth ? { security: [{}, { basicAuth: [] }] } : {}),
  };
}

/** `getJobInfo`, `postSubmitJobUpload`, `getFinishedJobsState`: unique per method and path. */
function operationId(method: string, path: string): string {
  const words = path.replace(/[{}]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

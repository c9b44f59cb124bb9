import { V1_ONLY, V2_ONLY, type Check } from '../check.js';

/**
 * §1.1/§1.2 transport rules. v1: unmatched URIs fall to Hazelcast's native map REST (400 empty
 * without a key, 204 for map/key), never a SeaTunnel error; PUT is POST. v2: unknown path → 404,
 * the other method → 405 (Jetty HTML pages); no PUT.
 */
const HTML = 'text/html';

const v2WrongMethod = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string): Check => ({
  name: `${method} ${path}: v2 servlet has no do${method[0]}${method.slice(1).toLowerCase()} → 405 HTML`,
  endpoint: 'T',
  method,
  path,
  ...(method === 'POST' || method === 'PUT' ? { body: '{}' } : {}),
  api: V2_ONLY,
  expect: { status: 405, contentType: HTML },
});

export const transportChecks: Check[] = [
  { name: 'GET maps/cs-unknown: no SeaTunnel endpoint, no key → Hazelcast 400 empty', endpoint: 'T', path: '/cs-unknown', api: V1_ONLY, expect: { status: 400, emptyBody: true } },
  { name: 'GET maps/cs-map/key: Hazelcast map read → 204 empty', endpoint: 'T', path: '/cs-map/key', api: V1_ONLY, expect: { status: 204, emptyBody: true } },
  { name: 'GET maps/submit-job: POST-only endpoint read with GET falls through → 400 empty', endpoint: 'T', path: '/submit-job', api: V1_ONLY, expect: { status: 400, emptyBody: true } },
  // Hazelcast's map POST wants <map>/<key>: a real 2.3.8 engine answers its HttpBadRequestException (captures/2.3.8/033).
  { name: 'POST maps/running-jobs: GET-only endpoint posted falls through → 400 "Missing map name"', endpoint: 'T', method: 'POST', path: '/running-jobs', body: '{}', api: V1_ONLY, expect: { status: 400, contentType: 'application/json', json: { status: 'fail', message: 'Missing map name' } } },
  { name: 'PUT maps/running-jobs: PUT is POST, falls through → 400 "Missing map name"', endpoint: 'T', method: 'PUT', path: '/running-jobs', body: '{}', api: V1_ONLY, expect: { status: 400, json: { status: 'fail', message: 'Missing map name' } } },
  { name: 'GET /hazelcast/rest/cs-unknown: outside the maps prefix → 404', endpoint: 'T', path: '/hazelcast/rest/cs-unknown', absolute: true, api: V1_ONLY, expect: { status: 404 } },
  { name: 'GET <ctx>/cs-unknown: Jetty DefaultServlet → 404 HTML', endpoint: 'T', path: '/cs-unknown', api: V2_ONLY, expect: { status: 404, contentType: HTML } },
  { name: 'GET /running-jobs without the context path → 404', endpoint: 'T', path: '/running-jobs', absolute: true, api: V1_ONLY, expect: { status: 404 } },
  v2WrongMethod('POST', '/running-jobs'),
  v2WrongMethod('POST', '/job-info/123'),
  v2WrongMethod('POST', '/overview'),
  v2WrongMethod('POST', '/logs'),
  v2WrongMethod('GET', '/submit-job'),
  v2WrongMethod('GET', '/stop-job'),
  v2WrongMethod('PUT', '/submit-job'),
  v2WrongMethod('PUT', '/stop-job'),
  v2WrongMethod('PUT', '/update-tags'),
  v2WrongMethod('PUT', '/encrypt-config'),
  v2WrongMethod('DELETE', '/running-jobs'),
];

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { readCaptures, type RecordedExchange } from './capture-file.js';
import type { ExchangeAnswer } from './exchange.js';
import { fromRelease239, LATER_RELEASES, SNAPSHOT_TO_2_3_9 } from './release-changes.js';
import type { RecordingAdjustment } from './replay.js';

/**
 * The recorded answers of real SeaTunnel engines (test/differential/recordings) against the
 * OpenAPI description of their release (docs/openapi/<profile>.json): every recorded request whose
 * method and path match a documented operation must have a documented status, a documented media
 * type, and a body its response schema accepts. The recording is the truth; a mismatch is a
 * wrong schema in packages/server/src/openapi/. Paths the document does not describe (Hazelcast's
 * own REST, 404s of unknown paths, a method an endpoint does not take) are skipped by rule, and
 * counted.
 */
const CAPTURES = new URL('../../differential/recordings', import.meta.url).pathname;
const DOCS = new URL('../../../docs/openapi/', import.meta.url).pathname;
const V1_PREFIX = '/hazelcast/rest/maps';

type Json = Record<string, any>;

interface RecordingCase {
  profile: string;
  folder: string;
  adjustments: readonly RecordingAdjustment[];
  /** Maps a recorded request to the document's path (null: not under the document's server). */
  documentPath: (exchange: RecordedExchange) => string | null;
  /**
   * Operations of the release that the recorded engine did not have yet (`METHOD /template` →
   * source): its answers there (Jetty's 404) are not the release's, so they are skipped.
   */
  laterThanRecording?: Readonly<Record<string, string>>;
  /**
   * Requests not under the document's server whose bodies the document still describes:
   * 2.3.9's v1 (the document: "v1 shares their shapes"). Checked for status and body; their media
   * type is Hazelcast's REST's own (get-all-log-name as text/plain), not the v2 servlet's.
   */
  shapesOnly?: (exchange: RecordedExchange) => string | null;
}

const stripV1 = (exchange: RecordedExchange): string | null => {
  const path = exchange.request.path.split('?')[0]!;
  return exchange.port === 5801 && path.startsWith(`${V1_PREFIX}/`) ? path.slice(V1_PREFIX.length) : null;
};

/**
 * The 2.3.9 pre-release (dev at 15431c94d9, 2024-10-23) speaking for a release: what the release
 * changed after it applied (release-changes.ts, as the replay does). The document describes v2 at
 * the root (port 8080); what the release added after the recording has no recorded answer of the
 * release, so the pre-release's 404 there is skipped.
 */
const fromSnapshot = (profile: string, adjustments: readonly RecordingAdjustment[]): RecordingCase => ({
  profile,
  folder: 'snapshot',
  adjustments,
  documentPath: (exchange) => (exchange.port === 8080 ? exchange.request.path.split('?')[0]! : null),
  laterThanRecording: {
    'GET /metrics': 'apache/seatunnel#8312 (MetricsServlet, 2024-12-25)',
    'GET /openmetrics': 'apache/seatunnel#8312 (MetricsServlet, 2024-12-25)',
    'POST /submit-job/upload': 'apache/seatunnel#8442 (2025-01-10)',
  },
  shapesOnly: stripV1,
});

const CASES: RecordingCase[] = [
  // A released engine: v1 only, the document's server is /hazelcast/rest/maps.
  { profile: '2.3.8', folder: '2.3.8', adjustments: [], documentPath: stripV1 },
  fromSnapshot('2.3.9', SNAPSHOT_TO_2_3_9),
  // The later releases as the replay holds them: the 2.3.9 recording with each release's changes
  // (fromRelease239, each with its PR). Their v1 is off by default; checked by shape as there.
  ...LATER_RELEASES.map((release) => fromSnapshot(release, [...SNAPSHOT_TO_2_3_9, ...fromRelease239(release)])),
];

/** A recording's main scenario, its extra probes and (where present) its telemetry run. */
function recordings(folder: string): RecordedExchange[] {
  const dir = join(CAPTURES, folder);
  const subfolders = ['extra', 'telemetry'].map((sub) => join(dir, sub)).filter((sub) => existsSync(sub));
  return [...readCaptures(dir), ...subfolders.flatMap((sub) => readCaptures(sub).map((e) => ({ ...e, file: `${sub.slice(dir.length + 1)}/${e.file}` })))];
}

interface Operation {
  template: string;
  method: string;
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}

/** The documented operation for a method and path, or why there is none. */
function operationFor(doc: Json, method: string, path: string): Operation | 'no path' | 'no method' {
  for (const [template, item] of Object.entries(doc['paths'] as Record<string, Json>)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (!pattern.test(path)) continue;
    const operation = item[method.toLowerCase()] as Json | undefined;
    return operation ? { template, method, responses: operation['responses'] } : 'no method';
  }
  return 'no path';
}

const mediaTypeOf = (answer: ExchangeAnswer): string => (answer.headers.find(([k]) => k === 'content-type')?.[1] ?? '').split(';')[0]!.trim().toLowerCase();

interface Tally {
  checked: number;
  /** Of `checked`: the recorder kept only the first bytes of the body (status and media type checked). */
  bodyCut: number;
  shapes: number;
  /** Of `shapes`: a content type other than the document's (Hazelcast REST's own). */
  v1MediaType: number;
  operations: Set<string>;
  skipped: Map<string, string[]>;
  mismatches: string[];
}

function check(c: RecordingCase): Tally {
  const raw = JSON.parse(readFileSync(join(DOCS, `${c.profile}.json`), 'utf8')) as Json;
  // Component refs made $defs, so ajv resolves them inside each compiled response schema (as
  // scripts/openapi/conformance.mjs does for live answers).
  const doc = JSON.parse(JSON.stringify(raw).replaceAll('#/components/schemas/', '#/$defs/')) as Json;
  const defs = doc['components']['schemas'] as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // OpenAPI's int64 (the stop-jobs answer's ids as JSON numbers): a whole number, whatever its size.
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: Json): ValidateFunction => {
    let v = compiled.get(key);
    if (!v) compiled.set(key, (v = ajv.compile({ $defs: defs, ...schema })));
    return v;
  };
  const tally: Tally = { checked: 0, bodyCut: 0, shapes: 0, v1MediaType: 0, operations: new Set(), skipped: new Map(), mismatches: [] };
  const skip = (why: string, exchange: RecordedExchange): void => {
    tally.skipped.set(why, [...(tally.skipped.get(why) ?? []), exchange.file]);
  };

  for (const exchange of recordings(c.folder)) {
    let answer = exchange.answer;
    for (const adjustment of c.adjustments) if (adjustment.files.test(exchange.file)) answer = adjustment.adjust(answer, exchange);
    const { method } = exchange.request;
    const documented = c.documentPath(exchange);
    const shapes = documented === null ? (c.shapesOnly?.(exchange) ?? null) : null;
    const path = documented ?? shapes;
    if (path === null) {
      skip(exchange.port === 5801 ? 'Hazelcast REST, not under the document' : 'not under the document', exchange);
      continue;
    }
    const operation = operationFor(doc, method, path);
    if (operation === 'no path') {
      skip('undocumented path', exchange);
      continue;
    }
    if (operation === 'no method') {
      skip(`undocumented method (${method} of a documented path)`, exchange);
      continue;
    }
    const later = c.laterThanRecording?.[`${method} ${operation.template}`];
    if (later !== undefined) {
      skip(`added after the recording (${later})`, exchange);
      continue;
    }
    const where = `${exchange.file}: ${method} ${exchange.request.path} → ${answer.status} (${operation.template})`;
    const response = operation.responses[String(answer.status)];
    if (!response) {
      tally.mismatches.push(`${where}: status ${answer.status} is not documented (${Object.keys(operation.responses).join(', ')})`);
      continue;
    }
    const content = response.content ?? {};
    let mediaType = mediaTypeOf(answer);
    const v1OwnType = shapes !== null && !content[mediaType];
    if (v1OwnType) {
      // v1 shapes: Hazelcast's content type is its own; read the body as the document's JSON when it is JSON.
      mediaType = content['application/json'] && /^\s*[[{]/.test(answer.body) ? 'application/json' : (Object.keys(content)[0] ?? mediaType);
    }
    const media = content[mediaType];
    if (!media) {
      tally.mismatches.push(`${where}: media type '${mediaType}' is not documented (${Object.keys(content).join(', ') || 'none'})`);
      continue;
    }
    tally.checked++;
    if (shapes !== null) tally.shapes++;
    if (v1OwnType) tally.v1MediaType++;
    tally.operations.add(`${method} ${operation.template}`);
    if (!exchange.complete) {
      // The recorder kept the first bytes only: nothing to parse.
      tally.bodyCut++;
      continue;
    }
    let value: unknown = answer.body;
    if (mediaType === 'application/json') {
      try {
        value = JSON.parse(answer.body);
      } catch (error) {
        tally.mismatches.push(`${where}: the body is not JSON (${(error as Error).message})`);
        continue;
      }
    }
    const validate = validator(`${operation.method} ${operation.template} ${answer.status} ${mediaType}`, media.schema);
    if (!validate(value)) tally.mismatches.push(`${where}: ${ajv.errorsText(validate.errors)}\n    ${answer.body.slice(0, 300)}`);
  }
  return tally;
}

describe('recorded answers of real SeaTunnel engines against docs/openapi', () => {
  for (const c of CASES) {
    it(`${c.folder} recording conforms to docs/openapi/${c.profile}.json`, () => {
      const tally = check(c);
      const skippedCount = [...tally.skipped.values()].reduce((n, files) => n + files.length, 0);
      const notes = [
        ...(tally.bodyCut ? [`${tally.bodyCut} by status and media type only: body cut by the recorder`] : []),
        ...(tally.shapes ? [`${tally.shapes} v1 answers by status and body (${tally.v1MediaType} with Hazelcast's own content type)`] : []),
      ];
      console.log(`openapi ${c.profile}: ${tally.checked} recorded answers checked, ${tally.operations.size} operations covered${notes.length ? ` (${notes.join('; ')})` : ''}; ${skippedCount} skipped`);
      for (const [why, files] of tally.skipped) console.log(`  skipped, ${why}: ${files.length} (${files.join(', ')})`);
      for (const m of tally.mismatches) console.log(`  MISMATCH ${m}`);
      assert.deepEqual(tally.mismatches, [], `${tally.mismatches.length} recorded answers do not conform to docs/openapi/${c.profile}.json`);
      // The rule must not have skipped the recording away: the documented endpoints it exercised are all checked.
      assert.ok(tally.checked >= 40, `only ${tally.checked} answers checked`);
      assert.ok(tally.operations.size >= 12, `only ${tally.operations.size} operations covered`);
    });
  }
});

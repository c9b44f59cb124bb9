// Writes docs/openapi/<profile>.json, the OpenAPI 3.1 description of every profile, from the
// built server (run `npx tsc -b packages/server` first). With --check it writes nothing and
// fails when a file is missing or differs from what the code generates (a stale description).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROFILE_NAMES } from '../../packages/engine/dist/src/index.js';
import { openApiDocument } from '../../packages/server/dist/src/index.js';

const dir = fileURLToPath(new URL('../../docs/openapi/', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(dir, { recursive: true });
for (const profile of PROFILE_NAMES) {
  const file = `${dir}${profile}.json`;
  const text = JSON.stringify(openApiDocument(profile), null, 2) + '\n';
  const paths = Object.keys(JSON.parse(text).paths).length;
  if (check) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error(`openapi: docs/openapi/${profile}.json is stale; run node scripts/openapi/write-docs.mjs`);
      stale++;
    } else console.log(`openapi: docs/openapi/${profile}.json current (${paths} paths)`);
  } else {
    writeFileSync(file, text);
    console.log(`openapi: wrote docs/openapi/${profile}.json (${paths} paths, ${text.length} bytes)`);
  }
}
if (stale > 0) process.exit(1);

// Bundles the CLI (packages/cli/dist/src/bin.js, built by tsc) and everything it imports into one
// ES module, packages/cli/dist/src/bundle/seatunnel-sim.mjs, which node processes start from.
// Why: a node spent most of its start-up resolving, reading and compiling ~900 module files
// (hazelcast-client alone is hundreds); one file starts about twice as fast. Identifiers are kept
// (readable stack traces), whitespace is not. The bundle sits as deep below the repository root
// as packages/server/dist/src/http/, so the paths the code finds relative to its own file (the
// fetched Web UI, the checkout root) resolve the same from either.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'packages/cli/dist/src/bin.js');
const outfile = join(root, 'packages/cli/dist/src/bundle/seatunnel-sim.mjs');

const started = Date.now();
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
});
console.log(`bundle: ${outfile} in ${Date.now() - started} ms`);

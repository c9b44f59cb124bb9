// Bundles the CLI (packages/cli/dist/src/bin.js, built by tsc) and everything it imports into one
// CommonJS file, packages/cli/dist/src/bundle/seatunnel-sim.cjs. Node processes start from the
// launcher beside it, seatunnel-sim.mjs (packages/cli/src/bundle/seatunnel-sim.mts), which
// compiles the bundle with a V8 code cache.
// Why one file: a node spent most of its start-up resolving, reading and compiling ~900 module
// files (hazelcast-client alone is hundreds); one file starts about twice as fast. Why CommonJS:
// Node 20 has no code cache for ES modules, and vm.Script (CommonJS-shaped code) has one.
// Identifiers are kept (readable stack traces), whitespace is not. The bundle sits as deep below
// the repository root as packages/server/dist/src/http/, so the paths the code finds relative to
// its own file (the fetched Web UI, the checkout root) resolve the same from either.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'packages/cli/dist/src/bin.js');
const bundleDir = join(root, 'packages/cli/dist/src/bundle');
const outfile = join(bundleDir, 'seatunnel-sim.cjs');

const started = Date.now();
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  charset: 'ascii',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  define: { 'import.meta.url': 'bundleImportMetaUrl' },
  inject: [join(root, 'scripts/bundle-import-meta.mjs')],
});

// The launcher wraps the bundle in a function: a `#!` line is only legal at the start of a file.
const text = readFileSync(outfile, 'latin1').replace(/^#![^\n]*\n/, '');
const foreign = /[^\x00-\x7f]/.exec(text);
if (foreign) throw new Error(`bundle: non-ASCII character at ${foreign.index}; the launcher reads the bundle as latin1`);
if (/\bimport\(/.test(text)) throw new Error('bundle: a dynamic import() is left; vm.Script in the launcher cannot load it');
writeFileSync(outfile, text, 'latin1');
// A code cache belongs to one build of the bundle.
for (const name of readdirSync(bundleDir)) if (name.endsWith('.v8cache') || name.endsWith('.tmp')) rmSync(join(bundleDir, name));
console.log(`bundle: ${outfile} in ${Date.now() - started} ms`);

/**
 * What a node process starts from: the one-file CommonJS bundle of this CLI (seatunnel-sim.cjs,
 * written beside this file by scripts/bundle-node.mjs), compiled with a V8 code cache.
 *
 * Why: compiling the 3.9 MB bundle was the largest single cost of a node's start-up (~90 ms of
 * ~450 on a quiet machine). Node 20 caches no compiled ES modules, but `vm.Script` takes and
 * makes V8 code caches, so the bundle is CommonJS and this launcher feeds it the cache. The cache
 * is for node processes (`seatunnel-sim node`), the ones started often and timed: the first node
 * that ran a while writes it next to the bundle (then it also holds the functions start-up
 * compiled). V8 refuses a cache of another Node version or other V8 flags, so the node's heap flag
 * is set here, before compiling, as it will be when the cache is written; a refused cache is
 * compiled past as usual and written anew. Where the directory is read-only (the Docker image)
 * the bundle simply compiles every time. Other commands compile without a cache.
 *
 * SEATUNNEL_SIM_CODE_CACHE=off compiles without the cache; =verbose says on stderr what became
 * of it.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { keepHeapClose } from '../node-heap.js';

/** How long a process runs before it writes a missing cache: past a node's start-up. */
const WRITE_AFTER_MS = 2_000;

const bundlePath = fileURLToPath(new URL('./seatunnel-sim.cjs', import.meta.url));
const isNode = process.argv[2] === 'node';
const mode = isNode ? (process.env['SEATUNNEL_SIM_CODE_CACHE'] ?? 'on') : 'off';
if (isNode) keepHeapClose();
const bundleStat = statSync(bundlePath);
// V8 checks a cache's Node version, flags and source length, not the source itself: the name ties
// the cache to this very build of the bundle.
const cachePath = `${bundlePath}.${bundleStat.size}-${Math.trunc(bundleStat.mtimeMs)}.v8cache`;

// The bundle is ASCII only (esbuild escapes the rest; scripts/bundle-node.mjs checks): latin1 reads it fastest.
const source = readFileSync(bundlePath, 'latin1');
let cachedData: Buffer | undefined;
if (mode !== 'off') {
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // no cache yet
  }
}

// On one line with the bundle's first, so stack traces keep the bundle's line numbers.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundlePath,
  ...(cachedData ? { cachedData } : {}),
});
const state = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
if (mode === 'verbose') process.stderr.write(`code cache ${state}: ${cachePath}\n`);

if (mode !== 'off' && state !== 'accepted') {
  setTimeout(() => writeCache(script), WRITE_AFTER_MS).unref();
}

function writeCache(compiled: Script): void {
  const temporary = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, compiled.createCachedData());
    // A rename is atomic: nodes starting together never read half a cache.
    renameSync(temporary, cachePath);
    removeOtherCaches();
    if (mode === 'verbose') process.stderr.write(`code cache written: ${cachePath}\n`);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (mode === 'verbose') process.stderr.write(`code cache not written: ${(error as Error).message}\n`);
  }
}

/** Caches of earlier builds of the bundle would only take up room. */
function removeOtherCaches(): void {
  const dir = dirname(bundlePath);
  const prefix = `${basename(bundlePath)}.`;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.v8cache') && name !== basename(cachePath)) rmSync(join(dir, name), { force: true });
  }
}

const module = { exports: {} };
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
run(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));

#!/usr/bin/env node
// Fills the docker build context for docker/node.Dockerfile from the host-built workspace.
//   node scripts/docker/stage-node-context.mjs <repo-root> <out-dir> [node-binary]
// Why a staging dir instead of the repo root: the context then holds exactly what the image runs
// (no sources, tests, .git or dev dependencies), so it stays small and the layer cache stays warm.
// Why copy the host's node: containers cannot reach the npm registry and Debian bookworm's nodejs
// is 18, while the workspace needs Node >= 20.
// Exit code 3 = the workspace is not built yet (the caller reports it and skips the node image).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [root, out, nodeArg] = process.argv.slice(2);
if (!root || !out) {
  console.error('usage: stage-node-context.mjs <repo-root> <out-dir> [node-binary]');
  process.exit(2);
}
const nodeBin = fs.realpathSync(nodeArg || process.execPath);

// The image runs the bundle through its launcher (scripts/bundle-node.mjs, part of `npm run build`).
for (const built of ['packages/cli/dist/src/bin.js', 'packages/cli/dist/src/bundle/seatunnel-sim.mjs', 'packages/cli/dist/src/bundle/seatunnel-sim.cjs']) {
  if (!fs.existsSync(path.join(root, built))) {
    console.error(`stage: ${built} missing: run \`npm ci && npm run build\` first`);
    process.exit(3);
  }
}

// The binary must run on the base image: only glibc/libstdc++ family libraries, which Debian's
// minbase has (the host is bookworm too, so the glibc version matches).
const allowedLibs = /^(linux-vdso|libdl|libstdc\+\+|libm|libgcc_s|libpthread|libc|librt|ld-linux-x86-64|ld-linux-aarch64)\.so/;
const ldd = execFileSync('ldd', [nodeBin], { encoding: 'utf8' });
const libs = ldd.split('\n').map((l) => l.trim().split(/\s+/)[0]).filter(Boolean).map((l) => path.basename(l));
const foreign = libs.filter((l) => !allowedLibs.test(l));
if (foreign.length) {
  console.error(`stage: ${nodeBin} needs libraries the base image lacks: ${foreign.join(', ')}`);
  process.exit(1);
}
const nodeVersion = execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim();
if (Number(nodeVersion.replace(/^v/, '').split('.')[0]) < 20) {
  console.error(`stage: ${nodeBin} is ${nodeVersion}; the workspace needs Node >= 20`);
  process.exit(1);
}

// Only what `packages/cli` needs at run time goes in: its dependency closure, resolved from the
// lockfile the way Node resolves it (nested node_modules first, then each parent's). That leaves
// out dev tools (typescript, @types/*) and other workspaces' dependencies (e.g. testcontainers),
// and needs neither npm nor the network.
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const entries = lock.packages ?? {};
const entryWorkspace = process.env.STAGE_ENTRY_WORKSPACE || 'packages/cli';

function resolveDep(fromKey, name) {
  // fromKey "node_modules/a/node_modules/b" looks in b's, then a's, then the root node_modules.
  let base = fromKey;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (entries[candidate]) return candidate;
    if (!base) return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

const needed = new Set(); // lockfile keys: "node_modules/x", "node_modules/@s/y" links, "packages/z"
const queue = [entryWorkspace];
while (queue.length) {
  const key = queue.pop();
  if (needed.has(key)) continue;
  const meta = entries[key];
  if (!meta) throw new Error(`stage: ${key} is not in package-lock.json; is the lockfile up to date?`);
  needed.add(key);
  if (meta.link) {
    queue.push(meta.resolved);
    continue;
  }
  const deps = { ...meta.dependencies, ...meta.optionalDependencies, ...meta.peerDependencies };
  for (const name of Object.keys(deps)) {
    const dep = resolveDep(key, name);
    if (dep) queue.push(dep);
    else if (!(name in (meta.optionalDependencies ?? {})) && !(name in (meta.peerDependencies ?? {}))) {
      throw new Error(`stage: ${key} needs ${name}, which the lockfile does not resolve`);
    }
  }
}

const app = path.join(out, 'app');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(app, { recursive: true });

const copy = (rel, filter = () => true) => {
  const src = path.join(root, rel);
  if (!fs.existsSync(src)) return;
  fs.cpSync(src, path.join(app, rel), {
    recursive: true,
    verbatimSymlinks: true, // workspace links (node_modules/@seatunnel-sim/* -> ../../packages/*) stay relative
    preserveTimestamps: true, // the bundle's code cache is named after its size and mtime
    filter: (s) => filter(path.relative(root, s).split(path.sep).join('/')),
  });
};

copy('package.json');
copy('package-lock.json');
copy('config');
let packages = 0;
for (const key of needed) {
  if (key.startsWith('node_modules/')) {
    if (!fs.existsSync(path.join(root, key))) {
      throw new Error(`stage: ${key} is in the lockfile but not installed: run \`npm ci\``);
    }
    // A package's own nested node_modules is walked separately: only the needed ones come along.
    copy(key, (rel) => rel === key || !rel.startsWith(`${key}/node_modules/`));
    packages += 1;
  } else {
    // A workspace: its manifest and compiled code, without compiled tests or incremental-build state.
    if (!fs.existsSync(path.join(root, key, 'dist'))) {
      throw new Error(`stage: ${key}/dist missing: run \`npm run build\``);
    }
    copy(`${key}/package.json`);
    // The host's V8 code cache of the bundle goes too: the image runs the host's node binary, and
    // its /app is read-only to the node, which could never write one there.
    copy(`${key}/dist`, (rel) => !rel.startsWith(`${key}/dist/test`) && !rel.endsWith('.tsbuildinfo') && !rel.endsWith('.tmp'));
  }
}

fs.copyFileSync(nodeBin, path.join(out, 'node'));
fs.chmodSync(path.join(out, 'node'), 0o755);
fs.copyFileSync(path.join(root, 'docker/node.Dockerfile'), path.join(out, 'Dockerfile'));
console.log(`stage: ${out} ready (node ${nodeVersion}, ${packages} packages for ${entryWorkspace})`);

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

const bin = path.join(root, 'packages/cli/dist/src/bin.js');
if (!fs.existsSync(bin)) {
  console.error(`stage: ${bin} missing: run \`npm ci && npm run build\` first`);
  process.exit(3);
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

// Dev-only packages (typescript, @types/*) are a third of node_modules and unused at run time; the
// lockfile marks them, so leaving them out needs neither npm nor the network.
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const devOnly = new Set(
  Object.entries(lock.packages ?? {})
    .filter(([key, meta]) => key.startsWith('node_modules/') && meta.dev === true)
    .map(([key]) => key),
);

const app = path.join(out, 'app');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(app, { recursive: true });

const copy = (rel, filter = () => true) => {
  const src = path.join(root, rel);
  if (!fs.existsSync(src)) return;
  fs.cpSync(src, path.join(app, rel), {
    recursive: true,
    verbatimSymlinks: true, // workspace links (node_modules/@seatunnel-sim/* -> ../../packages/*) stay relative
    filter: (s) => filter(path.relative(root, s).split(path.sep).join('/')),
  });
};

copy('package.json');
copy('package-lock.json');
copy('config');
copy('node_modules', (rel) => !devOnly.has(rel) && rel !== 'node_modules/.bin' && rel !== 'node_modules/.cache');
const workspaces = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces ?? [];
for (const ws of workspaces) {
  copy(`${ws}/package.json`);
  // Compiled tests and incremental-build state are not part of the runtime.
  copy(`${ws}/dist`, (rel) => !rel.startsWith(`${ws}/dist/test`) && !rel.endsWith('.tsbuildinfo'));
}

fs.copyFileSync(nodeBin, path.join(out, 'node'));
fs.chmodSync(path.join(out, 'node'), 0o755);
fs.copyFileSync(path.join(root, 'docker/node.Dockerfile'), path.join(out, 'Dockerfile'));
console.log(`stage: ${out} ready (node ${nodeVersion}, ${devOnly.size} dev-only packages left out)`);

#!/usr/bin/env node
// The test harness behind `npm test`: starts one real Hazelcast member for the integration suites,
// runs every compiled test file with node's test runner, and always stops the member again.
// Usage: node scripts/run-tests.mjs [suite...]   (default: every suite that needs no Docker)
// Suites: unit, integration, cluster, hostile (hostile input + fuzzing), faults (kills members/nodes),
// conformance, differential (a real SeaTunnel engine and recorded answers), ui (SeaTunnel's Web UI and
// the console in headless chromium), e2e.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMember } from '@seatunnel-sim/cluster';
import { TEST_CLUSTER_NAME } from '@seatunnel-sim/cluster/testing';

const root = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir) {
  let out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(testFiles(path));
    else if (name.endsWith('.test.js')) out.push(path);
  }
  return out.sort();
}

const SUITES = {
  unit: () => testFiles(join(root, 'packages/engine/dist/test')),
  integration: () => ['cluster', 'server', 'cli'].flatMap((p) => testFiles(join(root, `packages/${p}/dist/test`))),
  cluster: () => testFiles(join(root, 'test/dist/cluster')),
  hostile: () => testFiles(join(root, 'test/dist/hostile')),
  faults: () => testFiles(join(root, 'test/dist/faults')),
  // Black-box REST checks (test/conformance) against a local cluster the suite starts itself.
  conformance: () => testFiles(join(root, 'test/dist/conformance')),
  // A real SeaTunnel 2.3.8 engine (scripts/seatunnel/fetch.sh) against the simulator, and the
  // recorded answers of real engines replayed (test/differential).
  differential: () => testFiles(join(root, 'test/dist/differential')),
  // SeaTunnel's own Web UI (scripts/seatunnel/fetch-ui.sh) and the simulation console, driven in
  // Debian's chromium (SEATUNNEL_SIM_CHROMIUM names another) by playwright-core (test/ui).
  ui: () => testFiles(join(root, 'test/dist/ui')),
};

// Suites that need Docker and the images of scripts/offline-images.sh run only when named
// (`npm run test:e2e`); .ci/run runs them after installing Docker.
const DOCKER_SUITES = new Set(['e2e']);
SUITES.e2e = () => testFiles(join(root, 'test/dist/e2e'));
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SUITES).filter((s) => !DOCKER_SUITES.has(s));
const files = wanted.flatMap((suite) => {
  if (!SUITES[suite]) { console.error(`unknown suite ${suite}; known: ${Object.keys(SUITES).join(', ')}`); process.exit(2); }
  return SUITES[suite]();
});
if (files.length === 0) { console.error('no test files found: run `npm run build` first'); process.exit(1); }

const port = Number(process.env.SEATUNNEL_SIM_TEST_HZ_PORT ?? 25701);
console.log(`starting a Hazelcast member on 127.0.0.1:${port} for the integration tests`);
const member = await startMember({ port, members: [`127.0.0.1:${port}`], clusterName: TEST_CLUSTER_NAME, logFile: join(root, 'logs/test-member.log') });

// The Docker suites use the images named in .env (written by scripts/offline-images.sh) unless
// the environment names others.
const dotenv = {};
if (wanted.some((s) => DOCKER_SUITES.has(s))) {
  try {
    for (const line of readFileSync(join(root, '.env'), 'utf8').split('\n')) {
      const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
      if (m && process.env[m[1]] === undefined) dotenv[m[1]] = m[2];
    }
  } catch { /* no .env: official image names */ }
}

const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files.map((f) => relative(root, f))], {
  cwd: root,
  stdio: 'inherit',
  env: { ...dotenv, ...process.env, SEATUNNEL_SIM_TEST_MEMBERS: member.address, SEATUNNEL_SIM_TEST_CLUSTER: TEST_CLUSTER_NAME },
});
const stopAll = async () => { await member.stop(); };
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { runner.kill(signal); });
const code = await new Promise((resolve) => runner.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
await stopAll();
process.exit(code);

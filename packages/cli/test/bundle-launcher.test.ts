import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { acquireTestMember, type TestMember } from '@seatunnel-sim/cluster/testing';

/**
 * The launcher node processes start from (packages/cli/src/bundle/seatunnel-sim.mts): the bundle
 * compiled with a V8 code cache that the first node writes, that later nodes use, and that a node
 * finding it unusable writes anew, serving all the same.
 */
const BUNDLE_DIR = fileURLToPath(new URL('../src/bundle/', import.meta.url));
const LAUNCHER = join(BUNDLE_DIR, 'seatunnel-sim.mjs');
const PORT = 28310;

const caches = (): string[] => readdirSync(BUNDLE_DIR).filter((name) => name.endsWith('.v8cache'));

interface Run {
  child: ChildProcess;
  output: () => string;
}

function startNode(member: TestMember): Run {
  let output = '';
  const child = spawn(process.execPath, [LAUNCHER, 'node'], {
    env: {
      ...process.env,
      SEATUNNEL_SIM_CODE_CACHE: 'verbose',
      SEATUNNEL_SIM_PORT: String(PORT),
      SEATUNNEL_SIM_HZ_MEMBERS: member.address,
      SEATUNNEL_SIM_HZ_CLUSTER_NAME: member.clusterName,
      SEATUNNEL_SIM_NODE_NAME: 'launcher',
      SEATUNNEL_SIM_LOG_DIR: join(tmpdir(), 'seatunnel-sim-launcher-test'),
      SEATUNNEL_SIM_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until(run: Run, pattern: RegExp, millis = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + millis;
  for (;;) {
    const match = pattern.exec(run.output());
    if (match) return match;
    assert.ok(!exited(run), `the node exited: ${run.output()}`);
    assert.ok(Date.now() < deadline, `no ${pattern} within ${millis} ms: ${run.output()}`);
    await sleep(50);
  }
}

async function serves(): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const overview = await fetch(`http://127.0.0.1:${PORT}/hazelcast/rest/maps/overview`);
      assert.equal(overview.status, 200);
      assert.equal(typeof ((await overview.json()) as { projectVersion?: unknown }).projectVersion, 'string');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

const exited = (run: Run): boolean => run.child.exitCode !== null || run.child.signalCode !== null;

async function stop(run: Run): Promise<void> {
  if (exited(run)) return;
  const gone = new Promise((resolve) => run.child.once('exit', resolve));
  run.child.kill('SIGTERM');
  await gone;
}

describe('the bundle launcher and its V8 code cache', () => {
  const runs: Run[] = [];
  let member: TestMember;
  const clearCaches = (): void => {
    for (const name of caches()) rmSync(join(BUNDLE_DIR, name), { force: true });
  };
  before(async () => {
    member = await acquireTestMember(25811);
    assert.ok(existsSync(join(BUNDLE_DIR, 'seatunnel-sim.cjs')), 'npm run build wrote the bundle');
    clearCaches();
  });
  after(async () => {
    await Promise.all(runs.map(stop));
    await member?.release();
  });

  it('the first node compiles without a cache, serves, and writes one', async () => {
    const run = startNode(member);
    runs.push(run);
    await until(run, /code cache absent/);
    await serves();
    const [, path] = await until(run, /code cache written: (.+\.v8cache)/);
    assert.deepEqual(caches(), [path!.split('/').pop()]);
    await stop(run);
  });

  it('the next node compiles from that cache and serves the same', async () => {
    const run = startNode(member);
    runs.push(run);
    await until(run, /code cache accepted/);
    await serves();
    await stop(run);
  });

  it('a cache V8 refuses is compiled past and written anew', async () => {
    const [name] = caches();
    assert.ok(name, 'a cache from the first node');
    writeFileSync(join(BUNDLE_DIR, name), Buffer.alloc(4096, 7));
    const run = startNode(member);
    runs.push(run);
    await until(run, /code cache rejected/);
    await serves();
    await until(run, /code cache written/);
    await stop(run);
    const again = startNode(member);
    runs.push(again);
    await until(again, /code cache accepted/);
    await stop(again);
  });

  it('other commands run without a cache', () => {
    const help = spawnSync(process.execPath, [LAUNCHER, '--help'], { env: { ...process.env, SEATUNNEL_SIM_CODE_CACHE: 'verbose' }, encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /seatunnel-sim/);
    assert.doesNotMatch(help.stderr, /code cache/);
  });
});

import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/seatunnel-sim.js');
const V1 = '/hazelcast/rest/maps';

/** An environment whose PATH has `node` and nothing else: no java, no mvn. */
function withoutJava(): NodeJS.ProcessEnv {
  const bin = mkdtempSync(join(tmpdir(), 'seatunnel-sim-nojava-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  return { HOME: process.env['HOME'] ?? '/tmp', PATH: bin };
}

async function started(child: ChildProcess, marker: string, millis: number): Promise<string> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + millis;
  while (!output.includes(marker)) {
    if (child.exitCode !== null) return output;
    assert.ok(Date.now() < deadline, `no "${marker}" within ${millis} ms: ${output}`);
    await sleep(50);
  }
  return output;
}

describe('seatunnel-sim up without Java', () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('--store memory serves three nodes from one process: any node answers for any job', async () => {
    const env = withoutJava();
    assert.ok(spawnSync('java', ['-version'], { env }).error, 'java must not be on this PATH');
    const up = spawn(process.execPath, [BIN, 'up', '--store', 'memory', '--nodes', '3', '--port', '28300', '--log-dir', join(tmpdir(), 'seatunnel-sim-memory-up')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(up);
    const output = await started(up, 'cluster up in', 30_000);
    assert.match(output, /store: memory/);
    // Each node logs its address and the summary repeats them: the distinct ones are the cluster.
    const urls = [...new Set([...output.matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => `http://127.0.0.1:${m[1]}`))];
    assert.deepEqual(urls, ['http://127.0.0.1:28300', 'http://127.0.0.1:28301', 'http://127.0.0.1:28302']);
    const job = {
      env: { 'job.mode': 'BATCH', 'sim.rows-per-second': 1000 },
      source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 10, schema: { fields: { name: 'string' } } }],
      sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
    };
    const submitted = await fetch(`${urls[0]}${V1}/submit-job?jobName=memory`, { method: 'POST', body: JSON.stringify(job) });
    assert.equal(submitted.status, 200);
    const { jobId } = (await submitted.json()) as { jobId: string };
    for (const url of urls.slice(1)) {
      const info = (await (await fetch(`${url}${V1}/job-info/${jobId}`)).json()) as { jobName: string };
      assert.equal(info.jobName, 'memory');
    }
    let finished: { jobStatus?: string; metrics?: { SinkWriteCount?: string } } = {};
    for (let i = 0; i < 100 && finished.jobStatus !== 'FINISHED'; i++) {
      await sleep(100);
      finished = (await (await fetch(`${urls[2]}${V1}/job-info/${jobId}`)).json()) as typeof finished;
    }
    assert.equal(finished.jobStatus, 'FINISHED');
    assert.equal(finished.metrics?.SinkWriteCount, '10');
    const overview = (await (await fetch(`${urls[1]}/overview`)).json()) as { workers: string; finishedJobs: string };
    assert.equal(overview.workers, '3');
    assert.equal(overview.finishedJobs, '1');
    up.kill('SIGTERM');
    assert.equal(await new Promise<number | null>((resolve) => up.once('exit', (code) => resolve(code))), 0);
  });

  it('the Hazelcast store says Java is missing and names --store memory', async () => {
    const up = spawn(process.execPath, [BIN, 'up', '--nodes', '1', '--port', '28310', '--hz-port', '28320'], { cwd: ROOT, env: withoutJava(), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(up);
    const output = await started(up, '__never__', 30_000);
    assert.equal(up.exitCode ?? (await new Promise<number | null>((resolve) => up.once('exit', resolve))), 1);
    assert.match(output, /Java was not found on the PATH/);
    assert.match(output, /--store memory/);
  });
});

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = `${ROOT}node_modules/.bin/seatunnel-sim`;
const V1 = '/hazelcast/rest/maps';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The command users type, through the linked bin: `seatunnel-sim up --nodes 3 --port 18080
 * --hz-port 15701` serves on 18080-18082, any node answers for a job submitted on another, also
 * after one is killed with -9, and SIGTERM to `up` leaves no process behind.
 */
describe('seatunnel-sim up (the CLI process)', () => {
  let up: ChildProcess | undefined;
  let output = '';
  after(() => {
    if (up && up.exitCode === null) up.kill('SIGKILL');
  });

  it('starts member + 3 nodes, serves every job from every node, and stops every child on SIGTERM', async () => {
    up = spawn(BIN, ['up', '--nodes', '3', '--port', '18080', '--hz-port', '15701', '--log-dir', 'logs/cli-up-test'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    up.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    up.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes('cluster up in')) {
      assert.ok(up.exitCode === null, `up exited: ${output}`);
      assert.ok(Date.now() < deadline, `up not ready: ${output}`);
      await sleep(100);
    }
    const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
    const rows = [...plain.matchAll(/(node\d|hazelcast \S+)\s*│\s*(\S+)\s*│\s*(\d+)/g)].map((m) => ({ name: m[1]!, url: m[2]!, pid: Number(m[3]) }));
    const nodes = rows.filter((r) => r.name.startsWith('node'));
    assert.deepEqual(nodes.map((n) => n.url), ['http://127.0.0.1:18080', 'http://127.0.0.1:18081', 'http://127.0.0.1:18082']);

    const body = { env: { 'job.mode': 'STREAMING' }, source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', schema: { fields: { name: 'string', age: 'int' } } }], sink: [{ plugin_name: 'Console' }] };
    const submitted = await fetch(`${nodes[0]!.url}${V1}/submit-job?jobName=cli`, { method: 'POST', body: JSON.stringify(body) });
    const { jobId } = (await submitted.json()) as { jobId: string };
    for (const node of nodes) {
      const job = (await (await fetch(`${node.url}${V1}/job-info/${jobId}`)).json()) as { jobName: string };
      assert.equal(job.jobName, 'cli');
    }
    process.kill(nodes[0]!.pid, 'SIGKILL');
    await sleep(500);
    for (const node of nodes.slice(1)) {
      const job = (await (await fetch(`${node.url}${V1}/job-info/${jobId}`)).json()) as { jobStatus: string };
      assert.equal(job.jobStatus, 'RUNNING');
    }

    up.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => up!.once('exit', (c) => resolve(c)));
    assert.equal(code, 0, output);
    for (const row of rows) assert.ok(!alive(row.pid), `${row.name} (pid ${row.pid}) still running after up stopped`);
  });
});

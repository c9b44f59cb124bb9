import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireTestMember, type TestMember } from '@seatunnel-sim/cluster/testing';
import { createLogger, loadNodeConfig, startNode, type RunningNode } from '../src/index.js';

export interface TestNodes {
  member: TestMember;
  nodes: RunningNode[];
  stop(): Promise<void>;
}

let logDirs = 0;

/**
 * `count` in-process nodes on ports auto-incremented from `basePort`, against a real member (the
 * run's shared one, or one of its own on `isolatedMemberPort`), each with its own log directory.
 */
export async function startTestNodes(count: number, basePort: number, env: Record<string, string> = {}, isolatedMemberPort?: number): Promise<TestNodes> {
  const member = await acquireTestMember(isolatedMemberPort, isolatedMemberPort !== undefined);
  const nodes: RunningNode[] = [];
  for (let i = 0; i < count; i++) {
    const config = loadNodeConfig({
      env: {
        SEATUNNEL_SIM_PORT: String(basePort),
        SEATUNNEL_SIM_HZ_MEMBERS: member.address,
        SEATUNNEL_SIM_HZ_CLUSTER_NAME: member.clusterName,
        SEATUNNEL_SIM_LOG_LEVEL: 'warn',
        SEATUNNEL_SIM_LOG_DIR: join(tmpdir(), `seatunnel-sim-test-${process.pid}-${logDirs++}`),
        ...env,
      },
    });
    nodes.push(await startNode(config, createLogger('warn', `test-node-${i}`)));
  }
  return {
    member,
    nodes,
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
      await member.release();
    },
  };
}

export const DOCS_EXAMPLE = {
  env: { 'job.mode': 'batch' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 100, schema: { fields: { name: 'string', age: 'int', card: 'int' } } }],
  transform: [],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

export async function call(url: string, init?: RequestInit): Promise<{ status: number; text: string; json: () => any }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

export const post = (url: string, body: unknown) =>
  call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import Table from 'cli-table3';
import { runNode } from './node-command.js';
import { startLocalCluster } from './local-cluster.js';

const int = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`${name} must be an integer`);
  return n;
};

const program = new Command()
  .name('seatunnel-sim')
  .description('A clustered simulator of the Apache SeaTunnel (Zeta engine) REST API over a real Hazelcast cluster');

program
  .command('up')
  .description('start Hazelcast member(s) and SeaTunnel-compatible nodes locally; Ctrl-C stops them all')
  .option('--nodes <n>', 'number of nodes', int('--nodes'), 3)
  .option('--members <n>', 'number of Hazelcast members', int('--members'), 1)
  .option('--port <port>', 'base REST port (nodes auto-increment from it)', int('--port'), 8080)
  .option('--hz-port <port>', 'base Hazelcast member port', int('--hz-port'), 5701)
  .option('--cluster-name <name>', 'Hazelcast cluster name', 'seatunnel')
  .option('--config <file>', 'node config file (YAML) for every node')
  .option('--log-dir <dir>', 'where member and node logs go', 'logs')
  .option('--profile <name>', 'API profile of every node: 2.3.9 (default) or seed')
  .option('--admin-api', 'enable the /_sim admin API (simulation clock) on every node')
  .action(async (options: { nodes: number; members: number; port: number; hzPort: number; clusterName: string; config?: string; logDir: string; profile?: string; adminApi?: boolean }) => {
    if (options.nodes < 1 || options.members < 1) throw new InvalidArgumentError('--nodes and --members must be at least 1');
    const started = Date.now();
    const cluster = await startLocalCluster({
      nodes: options.nodes,
      members: options.members,
      port: options.port,
      hzPort: options.hzPort,
      clusterName: options.clusterName,
      logDir: options.logDir,
      ...(options.config ? { configFile: options.config } : {}),
      nodeEnv: {
        ...(options.profile ? { SEATUNNEL_SIM_PROFILE: options.profile } : {}),
        ...(options.adminApi ? { SEATUNNEL_SIM_ADMIN_API: 'true' } : {}),
      },
    });
    const table = new Table({ head: ['node', 'URL', 'pid'] });
    for (const member of cluster.members) table.push([`hazelcast ${member.address}`, '-', member.child.pid ?? '-']);
    for (const node of cluster.nodes) table.push([node.name, node.url, node.pid]);
    console.log(table.toString());
    console.log(`cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${options.logDir}/; Ctrl-C to stop`);
    let stopping = false;
    const shutdown = () => {
      if (stopping) return;
      stopping = true;
      console.log('stopping...');
      cluster.stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    for (const node of cluster.nodes) {
      node.child.once('exit', (code, signal) => {
        if (!stopping) console.error(`${node.name} exited (${signal ?? code}); the others keep serving`);
      });
    }
  });

program
  .command('node')
  .description('run one node against an existing Hazelcast cluster')
  .option('--config <file>', 'node config file (YAML)')
  .option('--port <port>', 'base REST port', int('--port'))
  .option('--host <host>', 'bind address')
  .option('--members <list>', 'Hazelcast members, host:port[,host:port]')
  .option('--cluster-name <name>', 'Hazelcast cluster name')
  .option('--profile <name>', 'API profile: 2.3.9 (default) or seed')
  .action(runNode);

program.parseAsync().catch((error: unknown) => {
  console.error(`seatunnel-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

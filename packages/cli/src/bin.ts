#!/usr/bin/env node
import { Command } from 'commander';
import { PROFILE_NAMES } from '@seatunnel-sim/engine';
import Table from 'cli-table3';
import { runNode } from './node-command.js';
import { ensureHazelcastJar } from './hazelcast-jar.js';
import { javaAvailable, NO_JAVA_MESSAGE } from './java-check.js';
import { startLocalCluster } from './local-cluster.js';
import { startMemoryCluster } from './memory-cluster.js';
import { checkUpOptions, intOption, type UpOptions } from './up-options.js';


const program = new Command()
  .name('seatunnel-sim')
  .description('A clustered simulator of the Apache SeaTunnel (Zeta engine) REST API over a real Hazelcast cluster (or, without Java, in one process)');

program
  .command('up')
  .description('start a local cluster: Hazelcast member(s) and SeaTunnel-compatible node processes, or (--store memory) every node in this process; Ctrl-C stops them all')
  .option('--nodes <n>', 'number of nodes', intOption('--nodes'), 3)
  .option('--members <n>', 'number of Hazelcast members', intOption('--members'), 1)
  .option('--store <kind>', 'hazelcast (real members, needs Java 17) or memory (one process, no Java)', 'hazelcast')
  .option('--port <port>', 'base REST port (nodes auto-increment from it)', intOption('--port'), 8080)
  .option('--hz-port <port>', 'base Hazelcast member port', intOption('--hz-port'), 5701)
  .option('--cluster-name <name>', 'Hazelcast cluster name', 'seatunnel')
  .option('--config <file>', 'node config file (YAML) for every node')
  .option('--log-dir <dir>', 'where member and node logs go', 'logs')
  .option('--profile <name>', `API profile of every node: ${PROFILE_NAMES.join(', ')} (default 2.3.9)`)
  .option('--admin-api', 'enable the /_sim admin API (simulation clock) on every node')
  .option('--persist-dir <dir>', 'keep jobs, history and the simulation clock in files under <dir>, so they survive a restart of every member')
  .action(async (options: UpOptions) => {
    const { store, nodeEnv } = checkUpOptions(options);
    const started = Date.now();
    const table = new Table({ head: ['node', 'URL', 'pid'] });
    let stop: () => Promise<void>;
    let stopping = false;
    if (store === 'memory') {
      const cluster = await startMemoryCluster({ nodes: options.nodes, port: options.port, logDir: options.logDir, nodeEnv, ...(options.config ? { configFile: options.config } : {}) });
      for (const node of cluster.nodes) table.push([node.info.name, node.url, process.pid]);
      stop = () => cluster.stop();
      console.log(table.toString());
      console.log('store: memory — every node in this process; no Hazelcast, no Java (a crash of this process is a crash of every node)');
    } else {
      if (!javaAvailable()) throw new Error(NO_JAVA_MESSAGE);
      ensureHazelcastJar();
      const cluster = await startLocalCluster({
        nodes: options.nodes,
        members: options.members,
        port: options.port,
        hzPort: options.hzPort,
        clusterName: options.clusterName,
        logDir: options.logDir,
        ...(options.config ? { configFile: options.config } : {}),
        ...(options.persistDir ? { persistDir: options.persistDir } : {}),
        nodeEnv,
      });
      for (const member of cluster.members) table.push([`hazelcast ${member.address}`, '-', member.child.pid ?? '-']);
      for (const node of cluster.nodes) table.push([node.name, node.url, node.pid]);
      stop = () => cluster.stop();
      console.log(table.toString());
      for (const node of cluster.nodes) {
        node.child.once('exit', (code, signal) => {
          if (!stopping) console.error(`${node.name} exited (${signal ?? code}); the others keep serving`);
        });
      }
    }
    console.log(`cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${options.logDir}/; Ctrl-C to stop`);
    const shutdown = () => {
      if (stopping) return;
      stopping = true;
      console.log('stopping...');
      stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });

program
  .command('node')
  .description('run one node against an existing Hazelcast cluster')
  .option('--config <file>', 'node config file (YAML)')
  .option('--port <port>', 'base REST port', intOption('--port'))
  .option('--host <host>', 'bind address')
  .option('--members <list>', 'Hazelcast members, host:port[,host:port]')
  .option('--cluster-name <name>', 'Hazelcast cluster name')
  .option('--profile <name>', `API profile: ${PROFILE_NAMES.join(', ')} (default 2.3.9)`)
  .action(runNode);

program.parseAsync().catch((error: unknown) => {
  console.error(`seatunnel-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

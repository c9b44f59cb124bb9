import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Label on every container and network the partition test creates (.ci/run removes leftovers by it). */
export const TEST_LABEL = 'org.seatunnel-sim.test=partition';

/**
 * The docker CLI, for what testcontainers does not offer: networks with a fixed subnet, containers
 * at fixed addresses, and cutting one container off a network and plugging it back in at the same
 * address (a member must come back where the others knew it).
 */
export async function docker(...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('docker', args, { maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new Error(`docker ${args.join(' ')}: ${failed.stderr?.trim() || failed.message}`);
  }
}

export async function createNetwork(name: string, subnet: string): Promise<void> {
  await docker('network', 'create', '--driver', 'bridge', '--subnet', subnet, '--label', TEST_LABEL, name);
}

export interface ContainerSpec {
  name: string;
  image: string;
  network: string;
  ip: string;
  /** DNS names the other containers of `network` reach it by. */
  aliases?: string[];
  env?: Record<string, string>;
}

export async function runContainer(spec: ContainerSpec): Promise<void> {
  const args = ['run', '-d', '--name', spec.name, '--hostname', spec.name, '--label', TEST_LABEL, '--network', spec.network, '--ip', spec.ip];
  for (const alias of spec.aliases ?? []) args.push('--network-alias', alias);
  for (const [key, value] of Object.entries(spec.env ?? {})) args.push('-e', `${key}=${value}`);
  args.push(spec.image);
  await docker(...args);
}

/** Cuts the container off the network: its interface there goes, the other side sees silence. */
export async function disconnect(network: string, container: string): Promise<void> {
  await docker('network', 'disconnect', network, container);
}

/** Plugs the container back in at `ip`, with its DNS aliases. */
export async function connect(network: string, container: string, ip: string, aliases: string[] = []): Promise<void> {
  await docker('network', 'connect', '--ip', ip, ...aliases.flatMap((alias) => ['--alias', alias]), network, container);
}

/** Removes every container and network carrying TEST_LABEL (this run's and any a killed run left). */
export async function removeLabelled(): Promise<void> {
  const containers = (await docker('ps', '-aq', '--filter', `label=${TEST_LABEL}`)).split('\n').filter(Boolean);
  if (containers.length > 0) await docker('rm', '-f', ...containers);
  const networks = (await docker('network', 'ls', '-q', '--filter', `label=${TEST_LABEL}`)).split('\n').filter(Boolean);
  if (networks.length > 0) await docker('network', 'rm', ...networks);
}

/** The last lines a container printed (for a failure message). */
export async function logsOf(container: string, lines = 40): Promise<string> {
  try {
    const { stdout, stderr } = await run('docker', ['logs', '--tail', String(lines), container], { maxBuffer: 16 * 1024 * 1024 });
    return `${stdout}${stderr}`;
  } catch {
    return '(no logs)';
  }
}

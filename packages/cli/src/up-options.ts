import { InvalidArgumentError } from 'commander';
import { PROFILE_NAMES } from '@seatunnel-sim/engine';

/** `seatunnel-sim up`'s options as commander hands them over. */
export interface UpOptions {
  nodes: number;
  members: number;
  port: number;
  hzPort: number;
  clusterName: string;
  config?: string;
  logDir: string;
  profile?: string;
  adminApi?: boolean;
  store: string;
  persistDir?: string;
}

export type StoreKind = 'hazelcast' | 'memory';

/** An integer option within a port's range. */
export const intOption = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`${name} must be an integer`);
  return n;
};

/** Checks what commander cannot (ranges, names) and gives the node settings every node gets. */
export function checkUpOptions(options: UpOptions): { store: StoreKind; nodeEnv: Record<string, string> } {
  if (options.nodes < 1 || options.members < 1) throw new InvalidArgumentError('--nodes and --members must be at least 1');
  if (options.store !== 'hazelcast' && options.store !== 'memory') throw new InvalidArgumentError(`--store must be hazelcast or memory, not ${options.store}`);
  if (options.persistDir !== undefined && options.store === 'memory') {
    throw new InvalidArgumentError('--persist-dir keeps the Hazelcast members\' maps on disk: it needs --store hazelcast');
  }
  if (options.profile !== undefined && !(PROFILE_NAMES as readonly string[]).includes(options.profile)) {
    throw new InvalidArgumentError(`--profile must be one of ${PROFILE_NAMES.join(', ')}`);
  }
  return {
    store: options.store,
    nodeEnv: {
      ...(options.profile ? { SEATUNNEL_SIM_PROFILE: options.profile } : {}),
      ...(options.adminApi ? { SEATUNNEL_SIM_ADMIN_API: 'true' } : {}),
    },
  };
}

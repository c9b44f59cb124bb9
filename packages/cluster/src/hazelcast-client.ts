import {
  Client,
  HazelcastError,
  JsonStringDeserializationPolicy,
  ReconnectMode,
} from 'hazelcast-client';

/** The client instance type (the package exports the class as `Client`). */
export type HazelcastClient = Client;

export interface ClusterConnectionOptions {
  clusterName: string;
  /** host:port of one or more members. */
  members: string[];
  /** Name shown in the member's client list. */
  instanceName?: string;
  /** How long one operation may wait for the cluster before failing (ms). */
  invocationTimeoutMillis?: number;
}


/**
 * Connects to the Hazelcast cluster. The client keeps reconnecting forever in the background
 * (ASYNC), so a node survives the loss of every member and recovers on its own when one is back;
 * meanwhile operations fail fast with ClientOfflineError instead of hanging.
 */
export async function connectCluster(options: ClusterConnectionOptions): Promise<HazelcastClient> {
  return Client.newHazelcastClient({
    clusterName: options.clusterName,
    ...(options.instanceName ? { instanceName: options.instanceName } : {}),
    network: { clusterMembers: options.members, connectionTimeout: 3000, redoOperation: true },
    connectionStrategy: {
      asyncStart: false,
      reconnectMode: ReconnectMode.ASYNC,
      connectionRetry: { clusterConnectTimeoutMillis: -1, initialBackoffMillis: 200, maxBackoffMillis: 2000 },
    },
    serialization: { jsonStringDeserializationPolicy: JsonStringDeserializationPolicy.NO_DESERIALIZATION },
    properties: {
      'hazelcast.client.invocation.timeout.millis': options.invocationTimeoutMillis ?? 10_000,
      'hazelcast.client.heartbeat.timeout': 10_000,
      'hazelcast.logging.level': 'WARN',
    },
  });
}

/** True for errors that mean "the cluster is not reachable right now" (answered as 503). */
export function isClusterUnavailable(error: unknown): boolean {
  if (!(error instanceof HazelcastError)) return false;
  return [
    'ClientOfflineError',
    'ClientNotActiveError',
    'OperationTimeoutError',
    'TargetDisconnectedError',
    'HazelcastInstanceNotActiveError',
    'IOError',
    'NoDataMemberInClusterError',
    'RetryableIOError',
  ].includes(error.name) || error.constructor.name.endsWith('OfflineError');
}

import {
  Client,
  ClientNotActiveError,
  ClientOfflineError,
  HazelcastError,
  HazelcastInstanceNotActiveError,
  IndeterminateOperationStateError,
  IOError,
  JsonStringDeserializationPolicy,
  LifecycleState,
  NoDataMemberInClusterError,
  OperationTimeoutError,
  ReconnectMode,
  RetryableHazelcastError,
  SplitBrainProtectionError,
  TargetDisconnectedError,
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
  /** false: talk to the listed members only, never to others the cluster reports (default true). */
  smartRouting?: boolean;
  /** Told whenever the client loses or regains the cluster (true = connected). */
  onConnectionChange?: (connected: boolean) => void;
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
    network: { clusterMembers: options.members, connectionTimeout: 3000, redoOperation: true, smartRouting: options.smartRouting ?? true },
    connectionStrategy: {
      asyncStart: false,
      reconnectMode: ReconnectMode.ASYNC,
      connectionRetry: { clusterConnectTimeoutMillis: -1, initialBackoffMillis: 200, maxBackoffMillis: 2000 },
    },
    serialization: { jsonStringDeserializationPolicy: JsonStringDeserializationPolicy.NO_DESERIALIZATION },
    lifecycleListeners: [
      (state: LifecycleState) => {
        if (state === LifecycleState.CONNECTED) options.onConnectionChange?.(true);
        else if (state === LifecycleState.DISCONNECTED) options.onConnectionChange?.(false);
      },
    ],
    properties: {
      'hazelcast.client.invocation.timeout.millis': options.invocationTimeoutMillis ?? 10_000,
      // A pending call has no deadline of its own in this client: only the heartbeat ends it when a
      // member stops answering (frozen, not dead). Ping every second and give up after 5 s of
      // silence, so such a call is a 503 within ~5 s rather than ~15 s (the defaults: 5 s / 10 s).
      'hazelcast.client.heartbeat.interval': 1_000,
      'hazelcast.client.heartbeat.timeout': 5_000,
      'hazelcast.logging.level': 'WARN',
    },
  });
}

/**
 * Errors that mean "the cluster cannot be reached right now" (answered 503, the node keeps serving
 * and recovers by itself): no connection at all, a member gone mid-call, an operation that ran out
 * of its invocation timeout while the cluster failed over, or whose outcome is unknown, or a side
 * of a network partition without the majority.
 */
const UNAVAILABLE: readonly (abstract new (...args: never[]) => Error)[] = [
  ClientOfflineError,
  ClientNotActiveError,
  OperationTimeoutError,
  TargetDisconnectedError,
  HazelcastInstanceNotActiveError,
  IOError,
  NoDataMemberInClusterError,
  RetryableHazelcastError, // TargetNotMember, MemberLeft, PartitionMigrating, RetryableIO, …
  IndeterminateOperationStateError,
  SplitBrainProtectionError, // this side of a partition lacks the majority (isWithoutQuorum)
];

/**
 * True for errors that mean the cluster is not reachable right now. Checked by class: the client's
 * errors all have `name` "Error" (only the constructor tells them apart).
 */
export function isClusterUnavailable(error: unknown): boolean {
  return error instanceof HazelcastError && UNAVAILABLE.some((type) => error instanceof type);
}

/**
 * True when the member refused the call because its side of a network partition has fewer members
 * than the split-brain protection's majority (config/hazelcast-member.yaml): answered 503, and the
 * node serves again once the partition heals.
 */
export function isWithoutQuorum(error: unknown): boolean {
  return error instanceof SplitBrainProtectionError;
}

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { hostname } from 'node:os';
import { apiProfile, type ApiProfile } from '@seatunnel-sim/engine';
import { connectHazelcastStore, HEARTBEAT_MILLIS, MAPS, NODE_TTL_MILLIS, openStore, type DocBackend, type NodeInfo, type Store } from '@seatunnel-sim/cluster';
import { createApp } from './app.js';
import { hardenServer, httpServerOptions } from './http/server-options.js';
import type { NodeConfig } from './config.js';
import { JobDriver } from './job-driver.js';
import { createLogger, type Logger } from './logger.js';
import { bindPort } from './port-binding.js';
import { loadTlsMaterial, type TlsMaterial } from './http/tls.js';
import { FileJobLog } from './services/job-log.js';
import { JobLogRetention } from './services/job-log-retention.js';
import { JobCommands } from './services/job-commands.js';
import { JobQueries } from './services/job-queries.js';
import { SlotScheduler } from './services/slot-scheduler.js';
import { PeerWatch, probePeer } from './peer-watch.js';
import { startLivenessResponder, type LivenessResponder } from './liveness-responder.js';
import { HistoryRetention } from './services/history-retention.js';
import { LogService, type LogFanOut } from './services/log-service.js';
import { LoggerService } from './services/logger-service.js';
import { NodeService } from './services/node-service.js';
import { ProcessHealth } from './services/process-health.js';
import { TelemetryService } from './services/telemetry-service.js';
import type { Services } from './services/services.js';

/**
 * A peer whose heartbeat is late (no beat for 500 ms; beats come every 750 ms) is probed on its
 * liveness port, answered by a thread of its own (liveness-responder.ts). A refused connection adopts its jobs at once, without waiting for its registry entry to
 * expire (NODE_TTL_MILLIS, 3 s): killed peers are adopted within ~1 s. A peer that does not answer
 * within the probe's 500 ms after missing a beat (1.25 s without one) is frozen or cut off: adopted
 * within ~2 s. A peer that answers is alive, however late its heartbeat and however busy its main
 * thread, unless that thread has not moved for the registry's TTL (then it answers `stalled`).
 */
const PEER_SUSPECT_MILLIS = 500;
/** How long after it serves a node opens its liveness port (see there). */
const LIVENESS_START_DELAY_MILLIS = 1_000;

/** Keeps the event loop busy for `millis`, as a long listing or GC pause would (the admin API's stall). */
function blockMainThread(millis: number): void {
  const until = Date.now() + millis;
  while (Date.now() < until) {
    // busy on purpose
  }
}
const PEER_SILENT_DEAD_MILLIS = HEARTBEAT_MILLIS + 500;

export interface RunningNode {
  readonly info: NodeInfo;
  readonly url: string;
  readonly port: number;
  /** The TLS listener's REST v2 address (enable-https), else null. */
  readonly httpsUrl: string | null;
  readonly httpsPort: number | null;
  /** Deregisters, stops the driver, closes HTTP and the store's connection. */
  stop(): Promise<void>;
}

export interface NodeOptions {
  /**
   * Share state through this backend instead of connecting to Hazelcast: the single-process mode,
   * where every node of the process gets the same in-memory backend.
   */
  memory?: DocBackend;
}

const basicHeader = (userPass: string): string => `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;

/**
 * How `/logs` asks the other nodes for their files. With SeaTunnel's basic auth on, the release
 * decides: 2.3.13 sends the credentials (#9968); before, none were sent and the refusals broke
 * the listing. Otherwise our own security switches (when set) authenticate the request.
 */
function logFanOut(config: NodeConfig, profile: ApiProfile): LogFanOut {
  const http = config.seatunnel.engine.http;
  const seatunnelAuth = http['basic-auth'];
  const { 'auth-token': token, 'basic-auth': basic } = config.security;
  let authorization: string | null = token ? `Bearer ${token}` : basic ? basicHeader(basic) : null;
  if (seatunnelAuth && profile.http.logFanOutWithAuth) authorization = basicHeader(`${seatunnelAuth.username}:${seatunnelAuth.password}`);
  return {
    path: `${http['context-path']}/get-all-log-name`,
    authorization,
    toleratesRefusal: profile.http.logFanOutWithAuth,
    selfRefused: seatunnelAuth !== null && !profile.http.logFanOutWithAuth,
  };
}

const REDACTED = '[redacted]';

/** The config as the startup log shows it: the http block's passwords hidden (the logger hides `security`'s). */
function loggable(config: NodeConfig): NodeConfig {
  const http = config.seatunnel.engine.http;
  const hide = (value: string | null): string | null => (value === null ? null : REDACTED);
  const https = http.https && {
    ...http.https,
    'key-store-password': hide(http.https['key-store-password']),
    'key-manager-password': hide(http.https['key-manager-password']),
    'trust-store-password': hide(http.https['trust-store-password']),
  };
  const basicAuth = http['basic-auth'] && { ...http['basic-auth'], password: REDACTED };
  return { ...config, seatunnel: { ...config.seatunnel, engine: { ...config.seatunnel.engine, http: { ...http, https, 'basic-auth': basicAuth } } } };
}

function advertisedHost(config: NodeConfig): string {
  const endpoint = config['rest-server-socket-endpoint-config'];
  if (endpoint['advertised-host']) return endpoint['advertised-host'];
  if (endpoint.host === '0.0.0.0' || endpoint.host === '::') return hostname();
  return endpoint.host;
}

/**
 * Starts one node: connects to Hazelcast, binds the first free port from the configured base,
 * registers itself with a heartbeat and runs its job driver. Nothing another node needs is kept here.
 */
export async function startNode(config: NodeConfig, logger: Logger = createLogger(config.logging.level, 'seatunnel-sim'), options: NodeOptions = {}): Promise<RunningNode> {
  logger.info({ config: loggable(config) }, 'effective config');
  const httpSettings = config.seatunnel.engine.http;
  // As SeaTunnel's parser warns: keys the release does not read, values it reads otherwise.
  for (const warning of httpSettings.warnings) logger.warn(warning);
  // Key stores are read before anything starts: a store the node cannot use stops it at once.
  const tls: TlsMaterial | null = httpSettings.https ? loadTlsMaterial(httpSettings.https) : null;
  const hz = config.hazelcast;
  const nodeId = randomUUID();
  // Ready = registered and connected: while the cluster is gone every answer would be a 503.
  let clusterConnected = true;
  const storeOptions = { speed: config.simulation.speed, warn: (message: string, error: unknown) => logger.warn({ err: error }, message) };
  const store: Store = options.memory
    ? await openStore(options.memory, 'memory', storeOptions, async () => undefined)
    : await connectHazelcastStore(
        {
          clusterName: hz['cluster-name'],
          members: hz['cluster-members'],
          instanceName: `seatunnel-sim-${nodeId.slice(0, 8)}`,
          invocationTimeoutMillis: hz['invocation-timeout-millis'],
          smartRouting: hz['smart-routing'],
          onConnectionChange: (connected) => {
            clusterConnected = connected;
            if (connected) logger.info('connected to the Hazelcast cluster');
            else logger.warn('lost the Hazelcast cluster; answering 503 until it is back');
          },
        },
        storeOptions,
      );
  const { jobs: repository, nodes: registry, slots: ledger, clock } = store;
  if (clock.speed !== config.simulation.speed) {
    logger.warn({ configured: config.simulation.speed, cluster: clock.speed }, 'the cluster already runs at another speed factor; using the cluster\'s');
  }
  let info: NodeInfo | undefined;
  let ready = false;
  // Each node writes job logs to its own directory (`up` gives every node one).
  const jobLog = new FileJobLog(config.logging.dir, clock, {
    onError: (error) => logger.warn({ err: error }, 'job log write failed'),
    splitJobLogs: config.logging['split-job-logs'],
    rollover: { maxBytes: config.logging['rollover-bytes'], maxFiles: config.logging['rollover-files'], maxAgeDays: config.logging['rollover-max-age-days'] },
  });
  jobLog.write('', 'INFO', 'o.a.s.e.s.SeaTunnelServer', `SeaTunnel server start on node ${config.node.name ?? 'node'}`);
  const self = (): NodeInfo => {
    if (!info) throw new Error('node not started');
    return info;
  };
  const history = new HistoryRetention(config.seatunnel.engine['history-job-expire-minutes'], clock.speed);
  const slots = new SlotScheduler({ repository, registry, ledger, clock, nodeId });
  const commands = new JobCommands({
    profile: apiProfile(config.api.profile),
    repository,
    slots,
    clock,
    nodeId,
    jobLog: () => jobLog,
    scheduleStrategy: config.seatunnel.engine['job-schedule-strategy'],
    history,
    dynamicSlots: config.seatunnel.engine['slot-service']['dynamic-slot'],
  });
  const queries = new JobQueries({ repository, clock });
  /** Replaces this node's tags (update-tags) and republishes it at once. */
  const updateSelf = async (change: Partial<Pick<NodeInfo, 'tags'>>): Promise<NodeInfo> => {
    info = { ...self(), ...change };
    await registry.heartbeat(info);
    return info;
  };
  const services: Services = {
    config,
    commands,
    queries,
    nodes: new NodeService({ registry, jobs: queries, self, updateSelf }),
    logs: new LogService(jobLog.dir, registry, self, logFanOut(config, apiProfile(config.api.profile))),
    // LoggerLevelService names a node by its host and the configured HTTP port; the fan-out sends the log fan-out's credentials.
    loggers: new LoggerService({
      logger,
      configuredLevel: config.logging.level,
      nodeId: () => `${self().host}:${config['rest-server-socket-endpoint-config'].port.port}`,
      peers: () => registry.list(),
      contextPath: config.seatunnel.engine.http['context-path'],
      authorization: logFanOut(config, apiProfile(config.api.profile)).authorization,
    }),
    telemetry: new TelemetryService({ enabled: config.seatunnel.engine.telemetry.metric.enabled, clusterName: hz['cluster-name'], registry, jobs: queries, clock, self }),
  };

  const driver = new JobDriver({
    nodeId,
    peerWatch: new PeerWatch({ suspectAfterMillis: PEER_SUSPECT_MILLIS, silentDeadAfterMillis: PEER_SILENT_DEAD_MILLIS, probe: probePeer }),
    repository,
    registry,
    slots,
    clock,
    logger,
    jobLog: () => jobLog,
    history,
  });
  const server: Server = hardenServer(createServer(httpServerOptions(config.api)));
  const healthState = { isReady: () => ready && clusterConnected, clusterSize: () => driver.liveNodes };
  // The admin API's stall writes a heartbeat first, so the stall alone decides what peers see.
  let beatNow = async (): Promise<void> => undefined;
  const app = createApp(services, logger, healthState, config.simulation['admin-api'] ? { clock, tick: () => driver.tick(), stall: async (millis) => { await beatNow(); blockMainThread(millis); } } : null);
  server.on('request', app.callback());
  // SeaTunnel's HTTPS connector: its own port, Jetty (REST v2) only.
  const tlsServer: TlsServer | null = tls ? createTlsServer({ ...httpServerOptions(config.api), ...tls.options }) : null;
  if (tlsServer) {
    hardenServer(tlsServer);
    tlsServer.on('request', createApp(services, logger, healthState, null, 'https').callback());
    // A client without an acceptable certificate (mTLS) or speaking plain HTTP: its problem, not the node's.
    tlsServer.on('tlsClientError', (error) => logger.debug({ err: error }, 'TLS handshake refused'));
  }
  const endpoint = config['rest-server-socket-endpoint-config'];
  let port: number;
  let httpsPort: number | null = null;
  try {
    port = await bindPort(server, endpoint.host, endpoint.port.port, endpoint.port['auto-increment'], endpoint.port['port-count']);
    if (tlsServer && httpSettings.https) {
      // Several nodes share a host here, so the TLS port auto-increments like the HTTP one (README, Fidelity: https-port-increment).
      httpsPort = await bindPort(tlsServer, endpoint.host, httpSettings.https.port, endpoint.port['auto-increment'], endpoint.port['port-count'], 'seatunnel.engine.http.https-port');
    }
  } catch (error) {
    server.close();
    await store.close();
    throw error;
  }
  const host = advertisedHost(config);
  const httpsUrl = httpsPort === null ? null : `https://${host}:${httpsPort}`;
  // Process figures ride on the heartbeat, so any node can answer system-monitoring for all.
  const health = new ProcessHealth(Object.keys(MAPS).length);
  info = {
    nodeId,
    name: config.node.name ?? `node-${port}`,
    host,
    port,
    url: `http://${host}:${port}`,
    pid: process.pid,
    startTime: Date.now(),
    tags: config.node.tags,
    slots: { total: config.seatunnel.engine['slot-service']['slot-num'], dynamic: config.seatunnel.engine['slot-service']['dynamic-slot'] },
    health: health.sample(),
    heartbeatSeq: 0,
  };
  await registry.heartbeat(info);
  ready = true;
  const beat = async (): Promise<void> => {
    if (!info) return;
    info = { ...info, health: health.sample(), heartbeatSeq: (info.heartbeatSeq ?? 0) + 1 };
    await registry.heartbeat(info);
  };
  beatNow = beat;
  // Started a second after the node serves: its thread's boot (50-90 ms of CPU) competed with the
  // node's first answers on a busy machine (start-up 547-618 ms with it on the way, ~400 without).
  // The next heartbeat advertises the port; until then peers probe the REST port. Without it (it
  // could not start) they go on doing so: say so, run on.
  let livenessStarting: Promise<LivenessResponder | null> | null = null;
  const livenessTimer = setTimeout(() => {
    livenessStarting = startLivenessResponder({ host: endpoint.host, stallMillis: NODE_TTL_MILLIS }).then(
      (responder) => {
        if (info) info = { ...info, livenessPort: responder.port };
        return responder;
      },
      (error: unknown) => {
        logger.warn({ err: error }, 'liveness port unavailable; peers will probe the REST port');
        return null;
      },
    );
  }, LIVENESS_START_DELAY_MILLIS);
  livenessTimer.unref();
  const heartbeat = setInterval(() => void beat().catch((error: unknown) => logger.warn({ err: error }, 'heartbeat failed')), HEARTBEAT_MILLIS);
  heartbeat.unref();

  driver.start();
  // A job both sides of a healed partition kept, one in history and one running: keep the later.
  await repository
    .settleMerges((jobId, kept) => logger.info({ jobId, kept }, 'partition healed: kept the later copy of a job found in both job maps'))
    .catch((error: unknown) => logger.warn({ err: error }, 'merge events unavailable; copies of a job in both maps after a partition are not settled'));
  // Without split job logs a job has no file of its own: nothing to delete.
  const logRetention =
    config.seatunnel.engine.telemetry.logs['scheduled-deletion-enable'] && config.logging['split-job-logs']
      ? new JobLogRetention({ jobs: repository, files: jobLog, onError: (error) => logger.warn({ err: error }, 'job log cleanup failed; retrying at the next sweep') })
      : null;
  await logRetention?.start().catch((error: unknown) => logger.warn({ err: error }, 'job log cleanup unavailable'));
  if (httpSettings['basic-auth']) logger.info('Basic authentication is enabled for web UI');
  if (httpsUrl) {
    logger.info(`SeaTunnel REST service will start on https port ${httpsPort}`);
    if (tls?.mutual) logger.info('SeaTunnel REST service will start with mutual auth');
  }
  logger.info({ nodeId, url: info.url, ...(httpsUrl ? { httpsUrl } : {}) }, 'node started');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      ready = false;
      clearInterval(heartbeat);
      await driver.stop();
      await logRetention?.stop();
      await jobLog.flush();
      await registry.deregister(nodeId).catch(() => undefined);
      await Promise.all(
        [server, tlsServer].map(
          (listener) =>
            new Promise<void>((resolve) => {
              if (!listener) return resolve();
              listener.close(() => resolve());
              listener.closeAllConnections();
            }),
        ),
      );
      clearTimeout(livenessTimer);
      await (await livenessStarting)?.stop();
      await store.close().catch(() => undefined);
      logger.info({ nodeId }, 'node stopped');
    })());

  return { info, url: info.url, port, httpsUrl, httpsPort, stop };
}

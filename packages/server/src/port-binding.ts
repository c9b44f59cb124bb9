import type { Server } from 'node:net';

export class PortBindingError extends Error {
  override name = 'PortBindingError';
}

function listenOnce(server: Server, host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Binds the first free port from `base`, trying `count` ports when auto-increment is on — the
 * rule of SeaTunnel's `rest-server-socket-endpoint-config` (port 8080, port-count 100). The TLS
 * listener uses the same rule from its own base; `setting` names what to change in the error.
 */
export async function bindPort(
  server: Server,
  host: string,
  base: number,
  autoIncrement: boolean,
  count: number,
  setting = 'rest-server-socket-endpoint-config.port',
): Promise<number> {
  const last = autoIncrement ? Math.min(65535, base + count - 1) : base;
  for (let port = base; port <= last; port++) {
    if (await listenOnce(server, host, port)) {
      const address = server.address();
      return typeof address === 'object' && address ? address.port : port;
    }
  }
  throw new PortBindingError(
    autoIncrement
      ? `no free port in ${host}:${base}-${last} (port-count ${count}); free one or change ${setting}`
      : `port ${host}:${base} is in use and auto-increment is off`,
  );
}

import { createServer } from 'node:net';

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** The first `count` free ports from `base` (members need their ports before they start). */
export async function freePorts(base: number, count: number, host = '127.0.0.1', span = 100): Promise<number[]> {
  const ports: number[] = [];
  for (let port = base; port < base + span && ports.length < count; port++) {
    if (await isFree(port, host)) ports.push(port);
  }
  if (ports.length < count) throw new Error(`only ${ports.length} of ${count} free ports in ${host}:${base}-${base + span - 1}`);
  return ports;
}

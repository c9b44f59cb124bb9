import { Worker } from 'node:worker_threads';

/**
 * What the responder's thread runs (CommonJS, as Node evaluates a worker given as source text; a
 * string so the node's single-file bundle needs no second file). It answers every connection at
 * once with one line: `alive` while the main thread's counter moved within `stallMillis`,
 * `stalled` after that.
 */
const RESPONDER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { createServer } = require('node:net');
const beats = new Int32Array(workerData.beats);
let seen = Atomics.load(beats, 0);
let movedAt = Date.now();
const look = () => {
  const beat = Atomics.load(beats, 0);
  if (beat !== seen) {
    seen = beat;
    movedAt = Date.now();
  }
};
setInterval(look, workerData.beatMillis);
const server = createServer((socket) => {
  socket.on('error', () => undefined);
  look();
  socket.end(Date.now() - movedAt <= workerData.stallMillis ? 'alive\\n' : 'stalled\\n');
});
server.on('error', (error) => parentPort.postMessage({ error: String(error && error.message) }));
server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'stop') server.close(() => process.exit(0));
});
`;

/** How often the main thread moves its counter. */
const BEAT_MILLIS = 100;

export interface LivenessResponderOptions {
  host: string;
  /** 0: any free port. */
  port?: number;
  /** The main thread counts as stalled (the node as dead) once its counter has not moved for this long. */
  stallMillis: number;
}

export interface LivenessResponder {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * A node's liveness port, answered from a thread of its own. Peers probe it when the node's
 * heartbeat stalls. Answered from the main thread, a node busy for a few hundred milliseconds
 * (a 100 000-job listing, a long GC, on a loaded machine) looked like a frozen one and had its jobs
 * taken; this thread answers at once however busy the main thread is, and tells the truth about
 * it: `stalled` once the main thread's counter has not moved for `stallMillis` (a hung event
 * loop). A frozen process (SIGSTOP) freezes this thread too, so it stays silent as before.
 */
export async function startLivenessResponder(options: LivenessResponderOptions): Promise<LivenessResponder> {
  const beats = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(RESPONDER_SOURCE, {
    eval: true,
    workerData: { beats: beats.buffer, host: options.host, port: options.port ?? 0, stallMillis: options.stallMillis, beatMillis: BEAT_MILLIS },
    // Its own small heap: it holds one server and a few sockets.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  const beat = setInterval(() => Atomics.add(beats, 0, 1), BEAT_MILLIS);
  beat.unref();
  try {
    const port = await new Promise<number>((resolve, reject) => {
      worker.once('message', (message: { port?: number; error?: string }) =>
        message.port !== undefined ? resolve(message.port) : reject(new Error(`liveness port: ${message.error ?? 'not bound'}`)),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`liveness responder exited with ${code}`)));
    });
    // Running, it must not keep the process alive; starting and stopping, it must.
    worker.unref();
    return {
      port,
      stop: async () => {
        worker.ref();
        clearInterval(beat);
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.postMessage('stop');
        await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref())]);
        await worker.terminate();
      },
    };
  } catch (error) {
    clearInterval(beat);
    await worker.terminate();
    throw error;
  }
}

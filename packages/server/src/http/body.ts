import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import { bodyTooLarge, invalidJsonBody, SeaTunnelError } from '@seatunnel-sim/engine';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A refused body is still read to its end (and dropped) before the 413 goes out, within these
 * bounds. Answering while the client is still writing makes the node close a socket with unread
 * bytes, which the kernel turns into a reset: the client then sees EPIPE/ECONNRESET instead of the
 * 413 (node:http did, about one request in 150 on a loaded machine). Past the bounds (a declared
 * length far over the limit, a trickling client) the 413 goes out at once, as before.
 */
const REFUSED_BODY_DRAIN_BYTES = 16 * 1024 * 1024;
const REFUSED_BODY_DRAIN_MILLIS = 2_000;

/**
 * Reads a request body as UTF-8 text within `limit` bytes. Past the limit → 413; bytes that are
 * not UTF-8 → 400 "Invalid JSON format in request body." (every text body SeaTunnel takes is JSON or HOCON).
 */
export async function readTextBody(req: IncomingMessage, limit: number): Promise<string> {
  return decodeTextBody(await readRawBody(req, limit));
}

/** The UTF-8 text of a body read by readRawBody. */
export function decodeTextBody(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalidJsonBody();
  }
}

/** Reads a request body's bytes within `limit` bytes: past the limit → 413 (at once when the declared length is over). */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  try {
    // The declared length lets raw-body refuse an oversized body before reading a byte of it
    // (without it, a client announcing 100 GB and sending nothing would hold the socket until the timeout).
    const declared = req.headers['content-length'];
    return await getRawBody(req, { limit, ...(declared !== undefined ? { length: declared } : {}) });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      await drainRefusedBody(req, (error as { received?: number }).received ?? 0);
      throw bodyTooLarge(limit);
    }
    if (type === 'request.aborted') throw new SeaTunnelError(400, 'Request body was not fully received.');
    throw new SeaTunnelError(400, `Cannot read the request body: ${(error as Error).message}`);
  }
}

/**
 * Reads and drops what is left of a refused body, so the client has finished writing when the
 * 413 is sent; gives up (and lets the 413 go) past REFUSED_BODY_DRAIN_BYTES or _MILLIS.
 */
function drainRefusedBody(req: IncomingMessage, received: number): Promise<void> {
  const declared = Number(req.headers['content-length']);
  const left = Number.isFinite(declared) ? declared - received : REFUSED_BODY_DRAIN_BYTES;
  if (req.complete || left > REFUSED_BODY_DRAIN_BYTES) return Promise.resolve();
  return new Promise((resolve) => {
    let drained = 0;
    const finish = () => {
      clearTimeout(timer);
      req.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
      req.pause();
      resolve();
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > REFUSED_BODY_DRAIN_BYTES) finish();
    };
    const timer = setTimeout(finish, REFUSED_BODY_DRAIN_MILLIS);
    req.on('data', onData).on('end', finish).on('error', finish).on('close', finish);
    req.resume();
  });
}

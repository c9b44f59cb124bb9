import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import { bodyTooLarge, invalidJsonBody, SeaTunnelError } from '@seatunnel-sim/engine';

const utf8 = new TextDecoder('utf-8', { fatal: true });

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
    if (type === 'entity.too.large') throw bodyTooLarge(limit);
    if (type === 'request.aborted') throw new SeaTunnelError(400, 'Request body was not fully received.');
    throw new SeaTunnelError(400, `Cannot read the request body: ${(error as Error).message}`);
  }
}

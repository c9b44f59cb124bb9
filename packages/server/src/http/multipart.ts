import { Busboy } from '@fastify/busboy';
import { notMultipart, SeaTunnelError } from '@seatunnel-sim/engine';
import type { ApiRequest } from './api-types.js';

/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string;
  /** The `filename` of its Content-Disposition; null when it has none (a plain form field). */
  fileName: string | null;
  content: Buffer;
}

/** Jetty 9.4's multipart parser failures (an IOException from getPart → ExceptionHandlingFilter's 500). */
const multipartError = (message: string): SeaTunnelError => new SeaTunnelError(500, message);

/**
 * A multipart/form-data body, read as Jetty 9.4's `Request.getParts` reads it for SeaTunnel's upload
 * servlet: another Content-Type is its ServletException (500 "Unsupported Content-Type [...]"); the
 * body is read within the node's body limit first (413), then split with busboy.
 */
export async function readMultipartForm(req: ApiRequest): Promise<FormPart[]> {
  const contentType = req.contentType;
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'multipart/form-data') throw notMultipart(contentType);
  const body = await req.bodyBytes();
  if (body.length === 0) throw multipartError('Missing content for multipart request');
  return new Promise<FormPart[]>((resolve, reject) => {
    const parts: FormPart[] = [];
    let pending = 0;
    let finished = false;
    let failed = false;
    const fail = (): void => {
      if (failed) return;
      failed = true;
      reject(multipartError(parts.length === 0 ? 'Missing initial multi part boundary' : 'Incomplete Multipart'));
    };
    const done = (): void => {
      if (failed || !finished || pending > 0) return;
      if (parts.length === 0) return fail();
      resolve(parts);
    };
    let parser;
    try {
      parser = Busboy({
        headers: { 'content-type': contentType! },
        // Every part is read as bytes; Jetty tells files from fields by the file name alone.
        isPartAFile: () => true,
        preservePath: true,
      });
    } catch {
      // No boundary parameter: Jetty finds no initial boundary in the body.
      fail();
      return;
    }
    parser.on('file', (name, stream, fileName) => {
      pending += 1;
      const part: FormPart = { name, fileName: typeof fileName === 'string' ? fileName : null, content: Buffer.alloc(0) };
      parts.push(part); // in the body's order
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', fail);
      stream.on('end', () => {
        pending -= 1;
        part.content = Buffer.concat(chunks);
        done();
      });
    });
    parser.on('error', fail);
    parser.on('finish', () => {
      finished = true;
      done();
    });
    parser.end(body);
  });
}

const utf8 = new TextDecoder('utf-8');

/** A part's content as text: UTF-8, malformed bytes replaced (commons-io `IOUtils.toString(in, UTF_8)`). */
export const partText = (part: FormPart): string => utf8.decode(part.content);

/**
 * Jetty's request parameters for a multipart request: the query's, then every part without a file
 * name as a form field (UTF-8); SeaTunnel's getParameterMap keeps the last value of each name.
 */
export function multipartParams(query: Record<string, string>, parts: readonly FormPart[]): Record<string, string> {
  const params = Object.assign(Object.create(null) as Record<string, string>, query);
  for (const part of parts) if (part.fileName === null) params[part.name] = partText(part);
  return params;
}

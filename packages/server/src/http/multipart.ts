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
 * Past the servlet's maxRequestSize (3.0, #12072: "rejected by Jetty before the config is parsed"):
 * MultiPartFormInputStream's IllegalStateException from getPart, which SubmitJobByUploadFileServlet
 * calls first, so ExceptionHandlingFilter's 500 carries its text.
 */
const requestTooLarge = (max: number): SeaTunnelError => multipartError(`Request exceeds maxRequestSize (${max})`);

/**
 * A multipart/form-data body, read as Jetty 9.4's `Request.getParts` reads it for SeaTunnel's upload
 * servlet: another Content-Type is its ServletException (500 "Unsupported Content-Type [...]"); the
 * body is read within the node's body limit first (413), or within the servlet's maxRequestSize
 * where it has one, then split with busboy; a part past maxFileSize fails the whole read.
 */
export async function readMultipartForm(req: ApiRequest): Promise<FormPart[]> {
  const contentType = req.contentType;
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'multipart/form-data') throw notMultipart(contentType);
  const limits = req.multipartConfig;
  const maxRequest = limits?.['max-request-size'] ?? -1;
  let body: Buffer;
  try {
    body = await req.bodyBytes();
  } catch (error) {
    // Read up to one byte past maxRequestSize (dispatch.ts): the 413 means Jetty's limit was passed.
    if (maxRequest > 0 && error instanceof SeaTunnelError && error.httpStatus === 413) throw requestTooLarge(maxRequest);
    throw error;
  }
  if (body.length === 0) throw multipartError('Missing content for multipart request');
  if (maxRequest > 0 && body.length > maxRequest) throw requestTooLarge(maxRequest);
  const maxFile = limits?.['max-file-size'] ?? -1;
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
        if (maxFile > 0 && part.content.length > maxFile) {
          failed = true;
          reject(multipartError(`Multipart Mime part ${name} exceeds max filesize`));
          return;
        }
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

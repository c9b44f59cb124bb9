/**
 * The bounded log-content answer of 3.1 (`seatunnel.engine.http.log-response-max-size-mb`, default
 * 64; apache/seatunnel#12299 for #12295): FileUtils.readFileTailToStr keeps the file's last
 * `maxBytes` bytes, starts them after the first line break in them (or, with none, at the first
 * byte that does not continue a UTF-8 character) and decodes them as UTF-8. Nothing marks the cut:
 * the answer stays a 200 with the tail only. `maxBytes` <= 0 reads the whole file, as before.
 */
export function logTail(content: Buffer, maxBytes: number): Buffer {
  if (maxBytes <= 0 || content.length <= maxBytes) return content;
  const tail = content.subarray(content.length - maxBytes);
  const lineBreak = tail.indexOf(0x0a);
  if (lineBreak >= 0) return tail.subarray(lineBreak + 1);
  let start = 0;
  // 10xxxxxx bytes continue a character begun before the cut.
  while (start < tail.length && (tail[start]! & 0xc0) === 0x80) start += 1;
  return tail.subarray(start);
}

/** logTail over text as the file holds it (UTF-8). */
export const logTailText = (content: string, maxBytes: number): string => {
  if (maxBytes <= 0) return content;
  const bytes = Buffer.from(content, 'utf8');
  return bytes.length <= maxBytes ? content : logTail(bytes, maxBytes).toString('utf8');
};

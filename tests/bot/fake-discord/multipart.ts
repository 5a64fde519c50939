/** One file part of a multipart upload. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Parses a multipart/form-data body the way Discord reads one: `payload_json` holds the JSON body,
 * `files[n]` parts hold the attachments.
 */
export function parseMultipart(raw: Buffer, contentType: string): { body: any; files: UploadedFile[] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return { body: undefined, files: [] };
  const sep = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files: UploadedFile[] = [];
  let body: any;
  let pos = raw.indexOf(sep);
  while (pos >= 0) {
    const start = pos + sep.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(sep, start);
    if (next < 0) break;
    const part = raw.subarray(start + 2, next - 2); // skip CRLF after the boundary and before the next
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString('utf8');
    const content = part.subarray(headEnd + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (name === 'payload_json') body = JSON.parse(content.toString('utf8'));
    else if (filename !== undefined) {
      files.push({ field: name, filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '', bytes: Buffer.from(content) });
    }
    pos = next;
  }
  return { body, files };
}

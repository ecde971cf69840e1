import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip, inflate, brotliDecompress } from 'node:zlib';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);
const brotliAsync = promisify(brotliDecompress);

/** A request the ingest refuses as a whole, with the HTTP status and a reason for the client. */
export class RequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Reads a request body, enforcing `maxBytes` both on the bytes received and on the bytes after
 * decompression, so that a small gzip bomb is refused (413) without being inflated in full.
 * `onSize` is told the bytes held so far (raw, then raw plus decompressed) and may throw to stop
 * reading (the admission gate does when the server is full); the rest of the body is then
 * drained and discarded, so the connection stays usable for the error answer.
 */
export async function readBody(req: IncomingMessage, maxBytes: number, onSize: (bytes: number) => void = () => {}): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new RequestError(413, `Request body of ${declared} bytes is above the limit of ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stop = (err: Error) => {
      req.off('data', onData);
      req.off('end', resolve);
      req.resume();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return stop(new RequestError(413, `Request body is above the limit of ${maxBytes} bytes.`));
      try {
        onSize(size);
      } catch (err) {
        return stop(err as Error);
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', resolve);
    req.once('error', reject);
    req.once('aborted', () => reject(new RequestError(400, 'The client aborted the request.')));
  });
  const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  let body: Buffer;
  try {
    switch (encoding) {
      case '':
      case 'identity':
        return raw;
      case 'gzip':
      case 'x-gzip':
        body = await gunzipAsync(raw, { maxOutputLength: maxBytes });
        break;
      case 'deflate':
        body = await inflateAsync(raw, { maxOutputLength: maxBytes });
        break;
      case 'br':
        body = await brotliAsync(raw, { maxOutputLength: maxBytes });
        break;
      default:
        throw new RequestError(415, `Unsupported Content-Encoding "${encoding}": use gzip or none.`);
    }
  } catch (err) {
    if (err instanceof RequestError) throw err;
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new RequestError(413, `Request body is above the limit of ${maxBytes} bytes after decompression.`);
    }
    throw new RequestError(400, `Could not decompress the ${encoding} body: ${(err as Error).message}`);
  }
  onSize(size + body.length);
  return body;
}

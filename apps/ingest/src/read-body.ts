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
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new RequestError(413, `Request body of ${declared} bytes is above the limit of ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      throw new RequestError(413, `Request body is above the limit of ${maxBytes} bytes.`);
    }
    chunks.push(chunk);
  }
  const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  try {
    switch (encoding) {
      case '':
      case 'identity':
        return raw;
      case 'gzip':
      case 'x-gzip':
        return await gunzipAsync(raw, { maxOutputLength: maxBytes });
      case 'deflate':
        return await inflateAsync(raw, { maxOutputLength: maxBytes });
      case 'br':
        return await brotliAsync(raw, { maxOutputLength: maxBytes });
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
}

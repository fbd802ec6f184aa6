/*
 * Request body limits for route handlers. Next.js does not limit what a route handler reads, so without
 * this a client could make a handler buffer (and JSON-parse) as much as it cares to send.
 */

export const MiB = 2 ** 20;

/** Reads a body stream to its end, or stops (and cancels it) as soon as it passes `maxBytes`. */
export async function readWithin(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const refuse = (text: string) => new Response(text, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });

const tooLarge = (maxBytes: number) => refuse(`The request body is larger than ${Math.round((maxBytes / MiB) * 10) / 10} MiB.`);

/**
 * Next's request proxy (proxy.ts) buffers at most `proxyClientMaxBodySize` (10 MB) of each request it
 * matches and silently hands the route only that much. A body shorter than its Content-Length is such a
 * cut; refusing it by name beats a JSON parse error, or a signature mismatch, further in.
 */
const cutShort = (declared: number, received: number) =>
  refuse(`The request body was cut off after ${received} of its ${declared} bytes by a size limit in front of this route.`);

type Handler<Req extends Request, Args extends unknown[]> = (request: Req, ...rest: Args) => Response | Promise<Response>;

/**
 * Wraps a route handler so bodies over `maxBytes` get 413 before the handler parses anything: a declared
 * Content-Length is refused without reading, a chunked (or lying) body is counted while it is read, and
 * one that ends before its Content-Length was cut short on the way.
 * The handler then gets an equivalent request over the bytes read (made by `rebuild`, for handlers that
 * want a Request subclass), with every other argument unchanged.
 */
export function withBodyLimit<Args extends unknown[]>(maxBytes: number, handler: Handler<Request, Args>): Handler<Request, Args>;
export function withBodyLimit<Req extends Request, Args extends unknown[]>(
  maxBytes: number,
  handler: Handler<Req, Args>,
  rebuild: (request: Req, body: Uint8Array<ArrayBuffer>) => Req,
): Handler<Req, Args>;
export function withBodyLimit<Args extends unknown[]>(
  maxBytes: number,
  handler: Handler<Request, Args>,
  rebuild = (request: Request, body: Uint8Array<ArrayBuffer>) => new Request(request, { body }),
): Handler<Request, Args> {
  return async (request, ...rest) => {
    const declared = Number(request.headers.get("content-length"));
    if (declared > maxBytes) return tooLarge(maxBytes);
    if (!request.body) return handler(request, ...rest);
    const body = await readWithin(request.body, maxBytes);
    if (!body) return tooLarge(maxBytes);
    if (declared > body.byteLength) return cutShort(declared, body.byteLength);
    return handler(rebuild(request, body), ...rest);
  };
}

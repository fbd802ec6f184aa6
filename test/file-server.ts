import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/** Serves gzip'd bodies at /<name>, like the presigned URLs of Amazon's report files. */
export async function startFileServer() {
  const files = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const body = files.get(req.url?.slice(1) ?? "");
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** Publishes raw JSON text (so tests control exactly how numbers are written). */
    put(name: string, json: string) {
      files.set(name, gzipSync(json));
      return `${origin}/${name}`;
    },
    size: (name: string) => files.get(name)?.length ?? 0,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

import { describe, expect, it, vi } from "vitest";
import { readWithin, withBodyLimit } from "./body-limit";

const LIMIT = 1024;

/** A body sent in chunks, without Content-Length, that counts how much of it was pulled. */
function chunked(chunks: number, size: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
  return { stream, pulled: () => pulled };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api/x?y=1", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("withBodyLimit", () => {
  it("passes a body within the limit on, byte for byte, with the request's url, method, headers and other arguments", async () => {
    const handler = vi.fn(async (request: Request, context: { params: string }) =>
      Response.json({ url: request.url, method: request.method, type: request.headers.get("content-type"), body: await request.text(), context }),
    );
    const body = JSON.stringify({ text: "é".repeat(100) });
    const res = await withBodyLimit(LIMIT, handler)(post(body, { "content-type": "application/json" }), { params: "p" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: "http://app.test/api/x?y=1", method: "POST", type: "application/json", body, context: { params: "p" } });
  });

  it("refuses a declared Content-Length over the limit with 413, without reading or calling the handler", async () => {
    const handler = vi.fn(() => new Response("ran"));
    const { stream, pulled } = chunked(4, 512);
    const request = post(stream, { "content-length": String(LIMIT + 1) });
    const res = await withBodyLimit(LIMIT, handler)(request);
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/larger than/);
    expect(handler).not.toHaveBeenCalled();
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("counts a chunked body while reading and stops at the limit", async () => {
    const handler = vi.fn(() => new Response("ran"));
    const { stream, pulled } = chunked(1000, 300);
    const res = await withBodyLimit(LIMIT, handler)(post(stream));
    expect(res.status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
    expect(pulled()).toBeLessThan(10);
  });

  it("refuses a body that ends before its Content-Length, as Next's proxy leaves one it cut", async () => {
    const handler = vi.fn(() => new Response("ran"));
    const res = await withBodyLimit(LIMIT, handler)(post("{\"cut\":", { "content-length": "900" }));
    expect(res.status).toBe(413);
    expect(await res.text()).toBe("The request body was cut off after 7 of its 900 bytes by a size limit in front of this route.");
    expect(handler).not.toHaveBeenCalled();
  });

  it("accepts a body of exactly the limit, and requests without a body untouched", async () => {
    const handler = vi.fn(async (request: Request) => new Response(String((await request.arrayBuffer()).byteLength)));
    expect(await (await withBodyLimit(LIMIT, handler)(post(new Uint8Array(LIMIT)))).text()).toBe(String(LIMIT));
    const get = new Request("http://app.test/api/x");
    await withBodyLimit(LIMIT, handler)(get);
    expect(handler.mock.calls.at(-1)![0]).toBe(get);
  });

  it("rebuilds the request with the given constructor for handlers that want a subclass", async () => {
    class Tagged extends Request {
      readonly tag = "tagged";
    }
    const handler = vi.fn(async (request: Tagged) => new Response(`${request.tag}:${await request.text()}`));
    const limited = withBodyLimit(LIMIT, handler, (request, body) => new Tagged(request, { body }));
    const res = await limited(new Tagged("http://app.test/", { method: "PUT", body: "hi" }));
    expect(await res.text()).toBe("tagged:hi");
  });
});

describe("readWithin", () => {
  it("returns the bytes read, or null past the limit", async () => {
    expect(await readWithin(chunked(3, 10).stream, 30)).toHaveLength(30);
    expect(await readWithin(chunked(3, 10).stream, 29)).toBeNull();
  });
});

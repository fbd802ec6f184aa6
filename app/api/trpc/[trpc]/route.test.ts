import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as Route from "./route";

// The route's context module guards against client bundles; vitest is no bundle.
vi.mock("server-only", () => ({}));

let route: typeof Route;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "route-test-secret-route-test-secret";
  route = await import("./route");
});

const url = (path: string, input?: unknown) =>
  `http://127.0.0.1:3000/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;

/** A body sent in 64 KiB chunks without Content-Length, as a chunked upload arrives. */
function chunkedBody(bytes: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += 65_536;
      controller.enqueue(new Uint8Array(65_536).fill(32));
    },
  });
}

describe("/api/trpc", () => {
  it("refuses a body declared over 1 MiB with 413", async () => {
    const res = await route.POST(
      new Request(url("invitation.accept"), {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(route.TRPC_MAX_BODY_BYTES + 1) },
        body: "{}",
      }),
    );
    expect(res.status).toBe(413);
  });

  it("refuses a chunked body once it passes 1 MiB", async () => {
    const res = await route.POST(
      new Request(url("invitation.accept"), { method: "POST", body: chunkedBody(2 * route.TRPC_MAX_BODY_BYTES), duplex: "half" } as RequestInit),
    );
    expect(res.status).toBe(413);
  });

  it("hands a body within the limit to tRPC", async () => {
    const res = await route.POST(
      new Request(url("invitation.accept"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { token: "x".repeat(40) } }),
      }),
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { json: { message: string } } }).error.json.message).toBe("Sign in to continue.");
  });

  it("answers refused input in plain words, with field errors and no stack", async () => {
    const res = await route.GET(new Request(url("invitation.preview", { token: "short" })));
    expect(res.status).toBe(400);
    const { json: error } = ((await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } }).error;
    expect(error.message).toMatch(/^The request was not accepted\. token: /);
    expect(error.data.zodError).toEqual({ formErrors: [], fieldErrors: { token: [expect.any(String)] } });
    expect(error.data).not.toHaveProperty("stack");
  });
});

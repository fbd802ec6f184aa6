import { beforeAll, expect, it } from "vitest";
import { embeddedInngestEnvironment, generateEventKey, generateSigningKey } from "~/inngest/embedded";
import type * as Route from "./route";

/* The limit in front of Inngest's serve handler; that signed calls still pass is proven by every function test. */

let route: typeof Route;
beforeAll(async () => {
  Object.assign(process.env, embeddedInngestEnvironment({ signingKey: generateSigningKey(), eventKey: generateEventKey() }, "http://127.0.0.1:9", "http://127.0.0.1:3000"));
  route = await import("./route");
});

const endpoint = "http://127.0.0.1:3000/api/inngest?fnId=shelfwise-prune-executor-history&stepId=step";

it("refuses a call declared larger than the limit with 413, before Inngest reads it", async () => {
  for (const handler of [route.POST, route.PUT]) {
    const request = new Request(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(route.INNGEST_MAX_BODY_BYTES + 1) },
      body: "{}",
    });
    expect((await handler(request as never, undefined as never)).status).toBe(413);
  }
});

it("counts a chunked call and refuses it once it passes the limit", async () => {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent > route.INNGEST_MAX_BODY_BYTES) return controller.close();
      sent += 2 ** 20;
      controller.enqueue(new Uint8Array(2 ** 20).fill(32));
    },
  });
  const request = new Request(endpoint, { method: "POST", body, duplex: "half" } as RequestInit);
  expect((await route.POST(request as never, undefined as never)).status).toBe(413);
});

it("keeps the limit generous: above Inngest's 32 MB cap on a run's state", () => {
  expect(route.INNGEST_MAX_BODY_BYTES).toBeGreaterThan(32 * 10 ** 6);
});

it("hands a call within the limit to Inngest, which still verifies it", async () => {
  const request = new Request(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ event: {} }) });
  const res = await route.POST(request as never, undefined as never);
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({ message: "Unauthorized" });
});

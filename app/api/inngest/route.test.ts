import type * as InngestRoute from "~/app/api/inngest/route";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { buildCallRequest } from "~/inngest/engine/call";
import type { Harness } from "~/inngest/engine/testing";
import { embeddedInngestEnvironment, generateEventKey, generateSigningKey } from "~/inngest/embedded";
import { createMemberOf, createStore } from "~/test/factories";

/*
 * /api/inngest as `npm start` serves it with the embedded executor: in cloud mode with keys of its own,
 * so a call that is not signed with them (a forged event with forged step results, from anyone who can
 * reach the port) runs nothing.
 */

const keys = { signingKey: generateSigningKey(), eventKey: generateEventKey() };
let db: TestDatabase;
let route: typeof InngestRoute;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  delete process.env.INNGEST_DEV;
  Object.assign(process.env, embeddedInngestEnvironment(keys, "http://127.0.0.1:9", "http://127.0.0.1:3000"));
  route = await import("~/app/api/inngest/route");
  const { inngest } = await import("~/inngest/client");
  const { functions } = await import("~/inngest/functions");
  const { createHarness } = await import("~/inngest/engine/testing");
  const handlers = { GET: route.GET, POST: route.POST, PUT: route.PUT } as unknown as NonNullable<Parameters<typeof createHarness>[0]["handlers"]>;
  h = await createHarness({ client: { client: inngest, bind: () => undefined }, functions, db, handlers, signingKey: keys.signingKey });
});
afterAll(async () => {
  await h?.close();
  const { db: appDb } = await import("~/db/client");
  await (appDb as unknown as { $client: { end(): Promise<void> } }).$client.end();
  await db?.drop();
});

const call = (fnId: string, event: { name: string; data: Record<string, unknown> }, steps: Record<string, unknown>, signingKey?: string) =>
  buildCallRequest({
    url: `http://127.0.0.1:3000/api/inngest?fnId=${fnId}`,
    stepId: null,
    runId: "01FORGED",
    attempt: 0,
    maxAttempts: 4,
    event: { id: "forged", ts: Date.now(), ...event },
    events: [{ id: "forged", ts: Date.now(), ...event }],
    steps,
    stack: Object.keys(steps),
    disableImmediate: false,
    version: 2,
    signingKey,
  });

describe("/api/inngest under the embedded executor", () => {
  it("tells an unsigned visitor nothing, not even its mode", async () => {
    const res = await route.GET(new Request("http://127.0.0.1:3000/api/inngest") as never, undefined as never);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
  });

  it("refuses a forged, unsigned call with forged step results, runs nothing and says only 'Unauthorized'", async () => {
    const victim = await createMemberOf(db.db, "owner");
    const { adProfile } = await createStore(db.db, victim.organizationId);
    const forged = call(
      "shelfwise-sync-ads-performance",
      { name: "sync/ads-performance.requested", data: { organizationId: victim.organizationId, scopeId: adProfile.id, window: "last-2-days", trigger: "manual" } },
      { anything: { data: { url: "http://attacker.example/report.json.gz" } } },
    );
    const res = await route.POST(forged as never, undefined as never);
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ message: "Unauthorized" });
    expect(text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
    expect(await db.sql`select 1 from sync_runs`).toHaveLength(0);
  });

  it("refuses a call signed with another key, and an unsigned in-band sync", async () => {
    const wrongKey = call("shelfwise-prune-executor-history", { name: "executor/history-prune.requested", data: {} }, {}, generateSigningKey());
    expect((await route.POST(wrongKey as never, undefined as never)).status).toBe(401);
    const sync = new Request("http://127.0.0.1:3000/api/inngest", {
      method: "PUT",
      headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" },
      body: JSON.stringify({ url: "http://attacker.example/api/inngest" }),
    });
    expect((await route.PUT(sync as never, undefined as never)).status).toBe(401);
  });

  it("runs what the executor sends, signed with the shared key", async () => {
    await h.executor.send([{ name: "executor/history-prune.requested", data: { olderThanDays: 14 } }]);
    await h.executor.runUntilIdle();
    const [run] = await db.sql`select status from executor_runs where function_id = 'shelfwise-prune-executor-history'`;
    expect(run?.status).toBe("completed");
  });
});

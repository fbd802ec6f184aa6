import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { embeddedInngestEnvironment, generateEventKey, generateSigningKey } from "~/inngest/embedded";
import type { Harness } from "~/inngest/engine/testing";
import type { RunningSandbox } from "~/sandbox";
import { startTestAmazon } from "~/test/amazon-sandbox";

/* The production function, served by the real route's handlers, driven by the embedded executor, fetching from the sandbox's ECB. */

let db: TestDatabase;
let h: Harness;
let amazon: RunningSandbox;

beforeAll(async () => {
  db = await createTestDatabase();
  amazon = await startTestAmazon({ volume: "tiny", historyDays: 30 });
  const keys = { signingKey: generateSigningKey(), eventKey: generateEventKey() };
  Object.assign(process.env, embeddedInngestEnvironment(keys, "http://127.0.0.1:9", "http://127.0.0.1:3000"));
  process.env.DATABASE_URL = db.url;
  const route = await import("~/app/api/inngest/route");
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
  await amazon?.close();
  await db?.drop();
});

const runs = () => db.sql`select status, output from executor_runs where function_id = 'shelfwise-fetch-exchange-rates' order by created_at`;

describe("fetch-exchange-rates", () => {
  it("runs after the ECB publishes (16:30 CET on working days), on request, and when a store is authorized", async () => {
    const [fn] = await db.sql`select config from executor_functions where id = 'shelfwise-fetch-exchange-rates'`;
    expect(fn?.config.triggers).toEqual([{ cron: "TZ=Europe/Berlin 30 16 * * 1-5" }, { event: "currency/exchange-rates.requested" }, { event: "amazon/store.authorized" }]);
  });

  it("fetches and stores the rates; a store authorized right after does not fetch them again", async () => {
    await h.executor.send([{ name: "currency/exchange-rates.requested", data: {} }]);
    await h.executor.runUntilIdle();
    const [first] = await runs();
    expect(first).toMatchObject({ status: "completed", output: { feed: "eurofxref-hist.xml" } });
    expect(first!.output.rowsWritten).toBeGreaterThan(20_000);
    const [{ n }] = (await db.sql`select count(*)::int as n from exchange_rates`) as unknown as [{ n: number }];
    expect(n).toBe(first!.output.rowsWritten);

    await h.executor.send([{ name: "amazon/store.authorized", data: { organizationId: randomUUID(), storeId: randomUUID(), sellerId: "A1", marketplaceIds: [] } }]);
    await h.executor.runUntilIdle();
    const fetched = (await runs()).filter((r) => r.output && typeof r.output === "object" && "skipped" in r.output);
    expect(fetched).toEqual([{ status: "completed", output: { skipped: "rates fetched within the last day" } }]);
  });
});

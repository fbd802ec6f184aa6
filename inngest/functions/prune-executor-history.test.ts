import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { embeddedInngestEnvironment, generateEventKey, generateSigningKey } from "~/inngest/embedded";
import type { Harness } from "~/inngest/engine/testing";

/* The production prune function, served by the real route's exported handlers, driven by the embedded executor. */

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  // The app's client and db read these at first use, exactly as under `npm start`: signed calls.
  const keys = { signingKey: generateSigningKey(), eventKey: generateEventKey() };
  Object.assign(process.env, embeddedInngestEnvironment(keys, "http://127.0.0.1:9", "http://127.0.0.1:3000"));
  process.env.DATABASE_URL = db.url;
  const route = await import("~/app/api/inngest/route");
  const { inngest } = await import("~/inngest/client");
  const { functions } = await import("~/inngest/functions");
  const { createHarness } = await import("~/inngest/engine/testing");
  expect(route.runtime).toBe("nodejs");
  expect(route.dynamic).toBe("force-dynamic");
  const handlers = { GET: route.GET, POST: route.POST, PUT: route.PUT } as unknown as NonNullable<Parameters<typeof createHarness>[0]["handlers"]>;
  h = await createHarness({ client: { client: inngest, bind: () => undefined }, functions, db, handlers, signingKey: keys.signingKey });
});
afterAll(async () => {
  await h?.close();
  const { db: appDb } = await import("~/db/client");
  await (appDb as unknown as { $client: { end(): Promise<void> } }).$client.end();
  await db?.drop();
});

describe("prune-executor-history", () => {
  it("is registered with its daily cron and manual trigger", async () => {
    const [fn] = await db.sql`select config from executor_functions where id = 'shelfwise-prune-executor-history'`;
    expect(fn?.config.triggers).toEqual([{ cron: "TZ=UTC 30 3 * * *" }, { event: "executor/history-prune.requested" }]);
  });

  it("deletes finished runs, their steps and attempts, and events older than the cutoff; keeps active runs", async () => {
    const old = "2020-01-01T00:00:00Z";
    await db.sql`insert into executor_runs (id, function_id, status, event, events, created_at, ended_at) values
      ('old-done', 'x', 'completed', '{}', '[]', ${old}, ${old}),
      ('old-active', 'x', 'running', '{}', '[]', ${old}, null)`;
    await db.sql`insert into executor_steps (run_id, step_id, name, op, status, started_at) values ('old-done', 's', 's', 'StepRun', 'completed', ${old})`;
    await db.sql`insert into executor_attempts (run_id, attempt, outcome, started_at, duration_ms) values ('old-done', 0, 'complete', ${old}, 1)`;
    await db.sql`insert into executor_events (id, name, payload, received_at) values ('old-event', 'x', '{}', ${old})`;
    await db.sql`insert into executor_rate_state (key, tat) values ('rate:x:old', ${old}), ('rate:x:future', '2999-01-01T00:00:00Z')`;

    await h.executor.send([{ name: "executor/history-prune.requested", data: { olderThanDays: 14 } }]);
    await h.executor.runUntilIdle();

    const [run] = await db.sql`select status, output from executor_runs where function_id = 'shelfwise-prune-executor-history'`;
    expect(run).toMatchObject({ status: "completed", output: { runs: 1, events: 1 } });
    expect((await db.sql`select id from executor_runs where id like 'old-%'`).map((r) => r.id)).toEqual(["old-active"]);
    expect(await db.sql`select 1 from executor_steps where run_id = 'old-done'`).toHaveLength(0);
    expect(await db.sql`select 1 from executor_attempts where run_id = 'old-done'`).toHaveLength(0);
    expect(await db.sql`select 1 from executor_events where id = 'old-event'`).toHaveLength(0);
    expect((await db.sql`select key from executor_rate_state where key like 'rate:x:%'`).map((r) => r.key)).toEqual(["rate:x:future"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, testClient } from "../testing";

/* Flow control and cron: all enforced by the executor (the SDK only declares them). */

const t = testClient("flow");
const spans: Array<{ key: string; start: number; end: number }> = [];
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fns = [
  t.client.createFunction({ id: "nightly", triggers: [{ cron: "TZ=Europe/Berlin 0 3 * * *" }] }, async ({ event }) => ({
    id: event.id,
    name: event.name,
    data: event.data,
  })),
  t.client.createFunction(
    { id: "per-store", concurrency: [{ limit: 1, key: "event.data.storeId" }], triggers: [{ event: "flow/conc" }] },
    async ({ event, step }) => {
      await step.run("work", async () => {
        const start = Date.now();
        // Long enough that two steps claimed in the same tick overlap even on a loaded machine.
        await delay(150);
        spans.push({ key: String(event.data.storeId), start, end: Date.now() });
      });
      await step.sleep("rest", "1m");
      await step.run("more", () => "more");
    },
  ),
  ...["acct-a", "acct-b"].map((id) =>
    t.client.createFunction(
      { id, concurrency: [{ limit: 1, key: '"sp-api"', scope: "account" }], triggers: [{ event: "flow/acct" }] },
      async ({ step }) => {
        await step.run("call", async () => {
          const start = Date.now();
          await delay(100);
          spans.push({ key: `acct:${id}`, start, end: Date.now() });
        });
      },
    ),
  ),
  t.client.createFunction(
    { id: "busy-store", concurrency: [{ limit: 1, key: "event.data.storeId" }], triggers: [{ event: "flow/busy" }] },
    async ({ step }) => step.run("slow", () => delay(300)),
  ),
  t.client.createFunction({ id: "other", triggers: [{ event: "flow/other" }] }, async () => "other ran"),
  t.client.createFunction(
    { id: "late", throttle: { limit: 1, period: "1m" }, timeouts: { start: "30s" }, triggers: [{ event: "flow/late" }] },
    async () => "started",
  ),
  t.client.createFunction({ id: "throttled", throttle: { limit: 1, period: "1m" }, triggers: [{ event: "flow/throttle" }] }, async ({ event }) => event.data.i),
  t.client.createFunction(
    { id: "rate-limited", rateLimit: { limit: 2, period: "1m", key: "event.data.storeId" }, triggers: [{ event: "flow/rate" }] },
    async ({ event }) => event.data.i,
  ),
  t.client.createFunction(
    { id: "single-skip", singleton: { key: "event.data.storeId", mode: "skip" }, triggers: [{ event: "flow/single-skip" }] },
    async ({ step }) => {
      await step.sleep("hold", "1m");
    },
  ),
  t.client.createFunction(
    { id: "single-cancel", singleton: { key: "event.data.storeId", mode: "cancel" }, triggers: [{ event: "flow/single-cancel" }] },
    async ({ step }) => {
      await step.sleep("hold", "1m");
    },
  ),
  t.client.createFunction(
    { id: "debounced", debounce: { period: "10s", key: "event.data.storeId", timeout: "30s" }, triggers: [{ event: "flow/debounce" }] },
    async ({ event }) => event.data.v,
  ),
  t.client.createFunction({ id: "idempotent", idempotency: "event.data.orderId", triggers: [{ event: "flow/idem" }] }, async ({ event }) => event.data.orderId),
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ client: t, functions: fns });
});
afterAll(async () => h?.close());

async function send(name: string, data: Record<string, unknown> = {}) {
  await t.client.send({ name, data });
  await h.executor.runUntilIdle();
}
const statuses = async (fn: string) => (await h.runsOf(fn)).map((r) => r.status);

describe("cron", () => {
  it("fires at 03:00 Europe/Berlin with an inngest/scheduled.timer event", async () => {
    // The clock starts at 2030-01-01T00:00Z; Berlin is UTC+1 in winter, so 03:00 local is 02:00Z.
    await h.advance(2 * 3_600_000 - 1);
    expect(await h.runsOf("flow-nightly")).toHaveLength(0);
    await h.advance(1);
    const [run] = await h.runsOf("flow-nightly");
    expect(run?.output).toEqual({ id: "2030-01-01T02:00:00.000Z", name: "inngest/scheduled.timer", data: { cron: "TZ=Europe/Berlin 0 3 * * *" } });
    const [cron] = await h.db.sql`select next_at from executor_crons where function_id = 'flow-nightly'`;
    expect(new Date(cron?.next_at as string).toISOString()).toBe("2030-01-02T02:00:00.000Z");
  });
});

describe("concurrency", () => {
  it("limits executing steps per key, not sleeping runs", async () => {
    await t.client.send([
      { name: "flow/conc", data: { storeId: "s1" } },
      { name: "flow/conc", data: { storeId: "s1" } },
      { name: "flow/conc", data: { storeId: "s2" } },
    ]);
    // First batch: the first s1 run and the s2 run execute together; the second s1 run must wait.
    await h.executor.tick(10);
    const workDone = async () => {
      const rows = await h.db.sql`select r.event->'data'->>'storeId' as store from executor_steps s
        join executor_runs r on r.id = s.run_id where r.function_id = 'flow-per-store' and s.name = 'work'`;
      return rows.map((r) => r.store as string).sort();
    };
    expect(await workDone()).toEqual(["s1", "s2"]);
    await h.executor.runUntilIdle();
    expect(await workDone()).toEqual(["s1", "s1", "s2"]);
    const s1 = spans.filter((s) => s.key === "s1").sort((a, b) => a.start - b.start);
    // Same key never overlaps in time.
    expect(s1[1]!.start).toBeGreaterThanOrEqual(s1[0]!.end);
    // Both s1 runs got through their first step while the other slept: a sleep holds no slot.
    expect(await statuses("flow-per-store")).toEqual(["running", "running", "running"]);
    await h.advance(60_000);
    expect(await statuses("flow-per-store")).toEqual(["completed", "completed", "completed"]);
  });
});

describe("concurrency scope account", () => {
  it("shares one limit across functions", async () => {
    // One event, two functions: both want the single account-wide "sp-api" slot.
    await t.client.send({ name: "flow/acct", data: {} });
    await h.executor.tick(10);
    expect(spans.filter((s) => s.key.startsWith("acct:"))).toHaveLength(1);
    await h.executor.runUntilIdle();
    const acct = spans.filter((s) => s.key.startsWith("acct:")).sort((a, b) => a.start - b.start);
    expect(acct.map((s) => s.key).sort()).toEqual(["acct:acct-a", "acct:acct-b"]);
    expect(acct[1]!.start).toBeGreaterThanOrEqual(acct[0]!.end);
  });
});

describe("concurrency backlog", () => {
  it("a backlog behind one busy key does not starve other work", async () => {
    await t.client.send(Array.from({ length: 12 }, () => ({ name: "flow/busy", data: { storeId: "s1" } })));
    await t.client.send({ name: "flow/other", data: {} });
    // One busy-store run occupies the key (its step takes 300 ms) while a second, small tick claims.
    const first = h.executor.tick(1);
    while ((await h.db.sql`select 1 from executor_queue where lease_owner is not null`).length === 0) await delay(5);
    const claimed = await h.executor.tick(2);
    await first;
    expect(claimed).toBe(1);
    expect((await h.runsOf("flow-other"))[0]).toMatchObject({ status: "completed", output: "other ran" });
    await h.executor.runUntilIdle();
  });
});

describe("timeouts.start", () => {
  it("cancels a run that could not start in time (here: held back by throttle)", async () => {
    await t.client.send([{ name: "flow/late" }, { name: "flow/late" }]);
    await h.executor.runUntilIdle();
    await h.advance(60_000);
    const runs = await h.runsOf("flow-late");
    expect(runs.map((r) => r.status)).toEqual(["completed", "cancelled"]);
    expect(runs[1]?.error).toMatchObject({ name: "FunctionTimeoutError" });
  });
});

describe("throttle, rateLimit, idempotency", () => {
  it("throttle delays run starts to the limit per period (nothing is dropped)", async () => {
    await t.client.send([1, 2, 3].map((i) => ({ name: "flow/throttle", data: { i } })));
    await h.executor.runUntilIdle();
    expect(await statuses("flow-throttled")).toEqual(["completed", "queued", "queued"]);
    await h.advance(60_000);
    expect(await statuses("flow-throttled")).toEqual(["completed", "completed", "queued"]);
    await h.advance(60_000);
    expect(await statuses("flow-throttled")).toEqual(["completed", "completed", "completed"]);
  });

  it("rateLimit drops events over the limit per key", async () => {
    await t.client.send([1, 2, 3].map((i) => ({ name: "flow/rate", data: { i, storeId: "s1" } })));
    await send("flow/rate", { i: 4, storeId: "s2" });
    expect((await h.runsOf("flow-rate-limited")).map((r) => r.output)).toEqual([1, 2, 4]);
    await h.advance(60_000);
    await send("flow/rate", { i: 5, storeId: "s1" });
    expect((await h.runsOf("flow-rate-limited")).map((r) => r.output)).toEqual([1, 2, 4, 5]);
  });

  it("idempotency starts one run per key in 24h", async () => {
    await send("flow/idem", { orderId: "o1" });
    await send("flow/idem", { orderId: "o1" });
    await send("flow/idem", { orderId: "o2" });
    expect((await h.runsOf("flow-idempotent")).map((r) => r.output)).toEqual(["o1", "o2"]);
  });
});

describe("singleton", () => {
  it("skip: a second run for the same key is not started while one runs", async () => {
    await send("flow/single-skip", { storeId: "s1" });
    await send("flow/single-skip", { storeId: "s1" });
    await send("flow/single-skip", { storeId: "s2" });
    expect(await statuses("flow-single-skip")).toEqual(["running", "running"]);
    await h.advance(60_000);
    await send("flow/single-skip", { storeId: "s1" });
    expect(await statuses("flow-single-skip")).toEqual(["completed", "completed", "running"]);
  });

  it("cancel: the new run replaces the running one", async () => {
    await send("flow/single-cancel", { storeId: "s1" });
    await send("flow/single-cancel", { storeId: "s1" });
    expect(await statuses("flow-single-cancel")).toEqual(["cancelled", "running"]);
  });
});

describe("debounce", () => {
  it("runs once with the last event after the period of quiet", async () => {
    await send("flow/debounce", { storeId: "s1", v: 1 });
    await h.advance(5_000);
    await send("flow/debounce", { storeId: "s1", v: 2 });
    await h.advance(9_999);
    expect(await h.runsOf("flow-debounced")).toHaveLength(0);
    await h.advance(1);
    expect((await h.runsOf("flow-debounced")).map((r) => r.output)).toEqual([2]);
  });

  it("timeout caps how long a stream of events can postpone the run", async () => {
    for (let i = 0; i < 5; i++) {
      await send("flow/debounce", { storeId: "s2", v: 10 + i });
      await h.advance(8_000);
    }
    // First event at 0s; events every 8s keep extending, but the run fires at 30s with the latest event.
    const outputs = (await h.runsOf("flow-debounced")).map((r) => r.output);
    expect(outputs).toEqual([2, 13]);
  });
});

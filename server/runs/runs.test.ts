import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, testClient } from "~/inngest/engine/testing";
import { getRun, listFunctions, listRuns, requestCancel } from "./index";

const t = testClient("admin");
let tries = 0;
const fns = [
  t.client.createFunction({ id: "sync-orders", name: "Sync orders", triggers: [{ event: "admin/sync" }] }, async ({ step }) => {
    const n = await step.run("fetch-orders", () => 3);
    await step.sleep("pause", "1s");
    return step.run("save-orders", () => n * 2);
  }),
  t.client.createFunction({ id: "flaky", retries: 1, triggers: [{ event: "admin/flaky" }] }, async ({ step }) => {
    await step.run("call-api", () => {
      tries++;
      throw new Error(`quota exceeded ${tries}`);
    });
  }),
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ client: t, functions: fns });
  for (let i = 0; i < 3; i++) await t.client.send({ name: "admin/sync", data: { i } });
  await h.executor.runUntilIdle();
  await h.advance(1_000);
  await t.client.send({ name: "admin/flaky", data: {} });
  await h.executor.runUntilIdle();
  await h.advance(1_000);
  await t.client.send({ name: "admin/sync", data: { i: 3 } });
  await h.executor.runUntilIdle();
});
afterAll(async () => h?.close());

describe("server/runs", () => {
  it("lists runs newest first with steps, timings and errors", async () => {
    const { runs, nextCursor } = await listRuns(h.db.db);
    expect(nextCursor).toBeNull();
    expect(runs.map((r) => [r.functionName, r.status])).toEqual([
      ["Sync orders", "running"],
      ["flaky", "failed"],
      ["Sync orders", "completed"],
      ["Sync orders", "completed"],
      ["Sync orders", "completed"],
    ]);
    const done = runs[2]!;
    expect(done.eventName).toBe("admin/sync");
    expect(done.durationMs).toBe(1_000);
    expect(done.steps.map((s) => [s.name, s.op, s.status, s.order])).toEqual([
      ["fetch-orders", "StepRun", "completed", 0],
      ["pause", "Sleep", "completed", 1],
      ["save-orders", "StepRun", "completed", 2],
    ]);
    expect(done.steps[0]?.result).toEqual({ data: 3 });
    expect(runs[0]?.steps.find((s) => s.name === "pause")).toMatchObject({ status: "sleeping", wakeAt: expect.any(Date) });
    expect(runs[1]?.error?.message).toContain("quota exceeded 2");
    expect(runs[1]?.steps[0]).toMatchObject({ name: "call-api", status: "failed", attempts: 2, error: { message: "quota exceeded 2" } });
  });

  it("filters by function and status, and pages by cursor", async () => {
    const failed = await listRuns(h.db.db, { status: "failed" });
    expect(failed.runs.map((r) => r.functionId)).toEqual(["admin-flaky"]);
    const done = await listRuns(h.db.db, { functionId: "admin-sync-orders", status: ["completed"] });
    expect(done.runs).toHaveLength(3);
    const page1 = await listRuns(h.db.db, { functionId: "admin-sync-orders", limit: 2 });
    const page2 = await listRuns(h.db.db, { functionId: "admin-sync-orders", limit: 2, cursor: page1.nextCursor ?? "" });
    expect(page1.runs).toHaveLength(2);
    expect(page2.runs).toHaveLength(2);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.runs, ...page2.runs].map((r) => r.id)).size).toBe(4);
  });

  it("gets one run with every attempt", async () => {
    const { runs } = await listRuns(h.db.db, { functionId: "admin-flaky" });
    const run = await getRun(h.db.db, runs[0]!.id);
    expect(run?.event).toMatchObject({ name: "admin/flaky" });
    expect(run?.attempts.map((a) => [a.stepName, a.attempt, a.httpStatus, a.outcome])).toEqual([
      ["(discovery)", 0, 206, "StepError"],
      ["call-api", 1, 206, "StepFailed"],
      ["(discovery)", 0, 400, "error"],
    ]);
    expect(run?.attempts[0]?.error?.message).toBe("quota exceeded 1");
    expect(await getRun(h.db.db, "nope")).toBeNull();
  });

  it("lists functions with run counts per status", async () => {
    const fnViews = await listFunctions(h.db.db);
    const sync = fnViews.find((f) => f.id === "admin-sync-orders");
    expect(sync).toMatchObject({ name: "Sync orders", triggers: [{ event: "admin/sync" }], counts: { completed: 3, running: 1, failed: 0 } });
    expect(sync?.lastRunAt).toBeInstanceOf(Date);
  });

  it("cancels a running run through the executor", async () => {
    const [sleeping] = (await listRuns(h.db.db, { status: "running" })).runs;
    expect(await requestCancel(h.db.db, sleeping!.id, "Stopped from the Sync center")).toBe(true);
    await h.executor.runUntilIdle();
    const run = await getRun(h.db.db, sleeping!.id);
    expect(run).toMatchObject({ status: "cancelled", error: { name: "Cancelled", message: "Stopped from the Sync center" } });
    expect(await requestCancel(h.db.db, sleeping!.id)).toBe(false);
    await h.advance(60_000);
    expect((await getRun(h.db.db, sleeping!.id))?.status).toBe("cancelled");
  });
});

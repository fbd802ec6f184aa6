import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, testClient } from "../testing";

const t = testClient("basic");
let calls: string[] = [];
const fn = t.client.createFunction(
  { id: "two-steps", triggers: [{ event: "test/basic.requested" }] },
  async ({ event, step }) => {
    const a = await step.run("fetch-orders", () => {
      calls.push("fetch");
      return { n: (event.data as { n: number }).n };
    });
    await step.sleep("wait-a-bit", "10s");
    const b = await step.run("save-orders", () => {
      calls.push("save");
      return a.n * 2;
    });
    return { saved: b };
  },
);

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ client: t, functions: [fn] });
});
afterAll(async () => h?.close());

describe("basic run", () => {
  it("runs steps, sleeps and completes", async () => {
    calls = [];
    await t.client.send({ name: "test/basic.requested", data: { n: 3 } });
    await h.executor.runUntilIdle();
    const [run] = await h.db.sql`select * from executor_runs`;
    expect(run?.status).toBe("running");
    expect(calls).toEqual(["fetch"]);
    await h.advance(10_000);
    const [done] = await h.db.sql`select * from executor_runs`;
    expect(done?.status).toBe("completed");
    expect(done?.output).toEqual({ saved: 6 });
    expect(calls).toEqual(["fetch", "save"]);
  });
});

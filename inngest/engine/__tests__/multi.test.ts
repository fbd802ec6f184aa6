import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Executor } from "../executor";
import { HandlerTransport } from "../handler-transport";
import { APP_URL, createHarness, type Harness, testClient } from "../testing";

/* Two executor processes' worth of workers on one database: row leases must keep every item single-owner. */

const t = testClient("multi");
const effects = new Map<string, number>();
const RUNS = 40;

const fn = t.client.createFunction({ id: "work", triggers: [{ event: "multi/go" }] }, async ({ runId, step }) => {
  for (const name of ["a", "b", "c"]) {
    await step.run(name, async () => {
      const key = `${runId}:${name}`;
      effects.set(key, (effects.get(key) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    });
  }
  const [x, y] = await Promise.all([step.run("x", () => 1), step.run("y", () => 2)]);
  return x + y;
});

let h: Harness;
let second: Executor;
let secondCalls = 0;
beforeAll(async () => {
  h = await createHarness({ client: t, functions: [fn] });
  const transport = new HandlerTransport(h.handlers);
  const appFetch = (request: Request) => {
    secondCalls++;
    return transport.fetch(request);
  };
  second = new Executor({ databaseUrl: h.db.url, appFetch, appUrl: APP_URL, clock: h.clock, poolSize: 5 });
  await second.init();
});
afterAll(async () => {
  await second?.stop();
  await h?.close();
});

describe("two executors on one database", () => {
  it("never run the same queue item twice", async () => {
    await t.client.send(Array.from({ length: RUNS }, (_, i) => ({ name: "multi/go", data: { i } })));
    for (let i = 0; i < 100; i++) {
      const [a, b] = await Promise.all([h.executor.tick(8), second.tick(8)]);
      if (a + b === 0) break;
    }
    const runs = await h.runsOf("multi-work");
    expect(runs).toHaveLength(RUNS);
    expect(runs.every((r) => r.status === "completed" && r.output === 3)).toBe(true);
    expect(effects.size).toBe(RUNS * 3);
    expect([...effects.values()].every((n) => n === 1)).toBe(true);
    // Both executors did real work.
    const total = h.exchanges.length + secondCalls;
    expect(secondCalls).toBeGreaterThan(total / 5);
    expect(h.exchanges.length).toBeGreaterThan(total / 5);
  });
});

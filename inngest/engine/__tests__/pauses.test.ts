import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, testClient } from "../testing";

/* waitForEvent, invoke, onFailure, cancelOn and function timeouts: the paths where a run parks. */

const t = testClient("pause");

const child = t.client.createFunction({ id: "child", retries: 0, triggers: [{ event: "pause/child.never" }] }, async ({ event, step }) => {
  if (event.data.fail) throw new NonRetriableError("child broke");
  if (event.data.slow) await step.sleep("nap", "1h");
  return { doubled: Number(event.data.n) * 2 };
});

const single = t.client.createFunction(
  { id: "single-child", singleton: { mode: "skip" }, triggers: [{ event: "pause/single.never" }] },
  async ({ step }) => {
    await step.sleep("hold", "1h");
    return "held";
  },
);

const fns = [
  child,
  single,
  t.client.createFunction({ id: "single-invoker", triggers: [{ event: "pause/invoke-single" }] }, async ({ step }) => {
    try {
      return await step.invoke("call-single", { function: single, data: {} });
    } catch (err) {
      return { error: (err as Error).message };
    }
  }),
  t.client.createFunction({ id: "waiter", triggers: [{ event: "pause/order.created" }] }, async ({ step }) => {
    const paid = await step.waitForEvent("wait-paid", {
      event: "pause/order.paid",
      timeout: "1h",
      if: "event.data.orderId == async.data.orderId",
    });
    return { paid: paid?.data ?? null };
  }),
  t.client.createFunction({ id: "invoker", triggers: [{ event: "pause/invoke" }] }, async ({ event, step }) => {
    try {
      const out = await step.invoke("call-child", { function: child, data: event.data, timeout: "10m" });
      return { out };
    } catch (err) {
      return { error: (err as Error).name, message: (err as Error).message };
    }
  }),
  t.client.createFunction(
    {
      id: "fails",
      retries: 0,
      triggers: [{ event: "pause/fail" }],
      onFailure: async ({ event, error }) => ({ original: event.data.event.data, error: error.message}),
    },
    async () => {
      throw new Error("broken on purpose");
    },
  ),
  t.client.createFunction(
    {
      id: "cancellable",
      triggers: [{ event: "pause/sync.requested" }],
      cancelOn: [{ event: "pause/sync.cancelled", if: "event.data.storeId == async.data.storeId", timeout: "1d" }],
    },
    async ({ step }) => {
      await step.sleep("long", "1h");
      return "finished";
    },
  ),
  t.client.createFunction(
    { id: "timeboxed", timeouts: { finish: "30m" }, triggers: [{ event: "pause/timeboxed" }] },
    async ({ step }) => {
      await step.sleep("too-long", "1h");
      return "never";
    },
  ),
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

describe("waitForEvent", () => {
  it("sends the op with event name in `name`, resumes on the matching event only", async () => {
    await send("pause/order.created", { orderId: "o1" });
    const [first] = h.callsOf("pause-waiter");
    expect(first?.response).toMatchObject([
      { op: "WaitForEvent", name: "pause/order.paid", opts: { timeout: "1h", if: "event.data.orderId == async.data.orderId" } },
    ]);
    await send("pause/order.paid", { orderId: "other" });
    expect((await h.runsOf("pause-waiter"))[0]?.status).toBe("running");
    await send("pause/order.paid", { orderId: "o1", amount: 5 });
    expect((await h.runsOf("pause-waiter"))[0]).toMatchObject({ status: "completed", output: { paid: { orderId: "o1", amount: 5 } } });
  });

  it("memoizes null on timeout", async () => {
    await send("pause/order.created", { orderId: "o2" });
    await h.advance(60 * 60_000);
    const runs = await h.runsOf("pause-waiter");
    expect(runs[1]).toMatchObject({ status: "completed", output: { paid: null } });
    const calls = h.callsOf("pause-waiter");
    const last = calls[calls.length - 1];
    expect(Object.values(last?.body.steps ?? {})).toEqual([null]);
  });
});

describe("invoke", () => {
  it("runs the child via inngest/function.invoked and memoizes {data}", async () => {
    await send("pause/invoke", { n: 21 });
    const [first] = h.callsOf("pause-invoker");
    expect(first?.response).toMatchObject([{ op: "InvokeFunction", opts: { function_id: "pause-child", payload: { data: { n: 21 } } } }]);
    const [childRun] = await h.runsOf("pause-child");
    expect(childRun?.event).toMatchObject({ name: "inngest/function.invoked", data: { n: 21 } });
    expect((await h.runsOf("pause-invoker"))[0]).toMatchObject({ status: "completed", output: { out: { doubled: 42 } } });
  });

  it("memoizes {error} when the child fails", async () => {
    await send("pause/invoke", { n: 1, fail: true });
    const runs = await h.runsOf("pause-invoker");
    expect(runs[1]?.status).toBe("completed");
    expect(runs[1]?.output).toMatchObject({ message: expect.stringContaining("child broke") });
  });

  it("raises InngestInvokeTimeoutError when the child outlives the timeout", async () => {
    await send("pause/invoke", { n: 1, slow: true });
    await h.advance(10 * 60_000);
    const runs = await h.runsOf("pause-invoker");
    expect(runs[2]).toMatchObject({ status: "completed", output: { message: expect.stringContaining("Timed out") } });
  });
});

describe("invoke and singleton", () => {
  it("fails the invoke at once when the target's singleton skips the run", async () => {
    await send("pause/invoke-single");
    await send("pause/invoke-single");
    const runs = await h.runsOf("pause-single-invoker");
    expect(runs.map((r) => r.status)).toEqual(["running", "completed"]);
    expect(runs[1]?.output).toMatchObject({ error: expect.stringContaining("skipped the invocation") });
    expect(await h.runsOf("pause-single-child")).toHaveLength(1);
  });
});

describe("onFailure", () => {
  it("emits inngest/function.failed {function_id, run_id, error, event} and runs <id>-failure", async () => {
    await send("pause/fail", { storeId: "s9" });
    const [failed] = await h.runsOf("pause-fails");
    expect(failed?.status).toBe("failed");
    const [handler] = await h.runsOf("pause-fails-failure");
    expect(handler?.event).toMatchObject({
      name: "inngest/function.failed",
      data: { function_id: "pause-fails", run_id: failed?.id, error: { message: "broken on purpose" }, event: { data: { storeId: "s9" } } },
    });
    expect(handler).toMatchObject({ status: "completed", output: { original: { storeId: "s9" }, error: "broken on purpose" } });
  });
});

describe("cancelOn and timeouts", () => {
  it("cancels only the run whose `if` matches the cancel event", async () => {
    await send("pause/sync.requested", { storeId: "a" });
    await send("pause/sync.requested", { storeId: "b" });
    await send("pause/sync.cancelled", { storeId: "a" });
    await h.advance(60 * 60_000);
    const runs = await h.runsOf("pause-cancellable");
    expect(runs.map((r) => r.status)).toEqual(["cancelled", "completed"]);
  });

  it("cancels a run that exceeds timeouts.finish", async () => {
    await send("pause/timeboxed");
    await h.advance(30 * 60_000);
    expect((await h.runsOf("pause-timeboxed"))[0]).toMatchObject({ status: "cancelled", error: { name: "FunctionTimeoutError" } });
    await h.advance(60 * 60_000);
    expect(h.callsOf("pause-timeboxed")).toHaveLength(1);
  });

  it("emits inngest/function.finished and inngest/function.cancelled", async () => {
    const events = await h.db.sql`select payload from executor_events where name like 'inngest/function.%' order by received_at, id`;
    const finished = events.map((e) => e.payload).filter((p) => p.name === "inngest/function.finished");
    expect(finished).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ function_id: "pause-child", result: { doubled: 42 } }) }),
    );
    expect(finished).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ function_id: "pause-fails", error: expect.objectContaining({ message: "broken on purpose" }) }) }),
    );
    const cancelled = events.map((e) => e.payload).filter((p) => p.name === "inngest/function.cancelled");
    expect(cancelled.map((c) => c.data.function_id)).toEqual(expect.arrayContaining(["pause-cancellable", "pause-timeboxed"]));
  });
});

import { createHash } from "node:crypto";
import { NonRetriableError, RetryAfterError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../api";
import { createHarness, type Harness, testClient } from "../testing";

/*
 * Contract tests: each pins one protocol behaviour of notes/inngest.md §2 against the real serve()
 * handler of the pinned SDK. If an SDK upgrade changes the protocol, these fail first.
 */

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const t = testClient("proto");
const effects: string[] = [];
let flaky = 0;

const fns = [
  t.client.createFunction({ id: "memo", triggers: [{ event: "proto/memo" }] }, async ({ event, step }) => {
    const a = await step.run("fetch-orders", () => ({ n: Number(event.data.n) }));
    await step.sleep("wait-a-bit", "10s");
    const b = await step.run("save-orders", () => a.n * 2);
    return { saved: b };
  }),
  t.client.createFunction({ id: "repeat", triggers: [{ event: "proto/repeat" }] }, async ({ step }) => {
    for (let i = 0; i < 3; i++) await step.run("item", () => i);
    return "ok";
  }),
  t.client.createFunction({ id: "until", triggers: [{ event: "proto/until" }] }, async ({ step }) => {
    await step.sleepUntil("until", new Date("2030-01-01T01:00:00.000Z"));
    return "woke";
  }),
  t.client.createFunction({ id: "emit", triggers: [{ event: "proto/emit" }] }, async ({ step }) => {
    return step.sendEvent("emit-it", { name: "proto/emitted", data: { x: 1 } });
  }),
  t.client.createFunction({ id: "on-emitted", triggers: [{ event: "proto/emitted" }] }, async ({ event }) => event.data),
  t.client.createFunction({ id: "flaky", retries: 2, triggers: [{ event: "proto/flaky" }] }, async ({ step }) => {
    await step.run("flaky-step", () => {
      effects.push(`flaky-${flaky}`);
      if (flaky++ < 2) throw new Error(`boom ${flaky}`);
      return "fine";
    });
    await step.run("after", () => "after");
    return "done";
  }),
  t.client.createFunction({ id: "exhaust", retries: 1, triggers: [{ event: "proto/exhaust" }] }, async ({ step }) => {
    await step.run("always-fails", () => {
      throw new Error("always");
    });
  }),
  t.client.createFunction({ id: "caught", retries: 0, triggers: [{ event: "proto/caught" }] }, async ({ step }) => {
    try {
      await step.run("fails", () => {
        throw new NonRetriableError("not again");
      });
    } catch (err) {
      return { caught: (err as Error).message };
    }
  }),
  t.client.createFunction({ id: "retry-after", retries: 1, triggers: [{ event: "proto/retry-after" }] }, async ({ event, step }) => {
    return step.run("limited", () => {
      effects.push("limited");
      if (effects.filter((e) => e === "limited").length === 1) {
        throw new RetryAfterError("slow down", event.data.iso ? new Date(String(event.data.iso)) : "30s");
      }
      return "through";
    });
  }),
  t.client.createFunction({ id: "throws", retries: 1, triggers: [{ event: "proto/throws" }] }, async () => {
    throw new Error("outside any step");
  }),
  t.client.createFunction({ id: "non-retriable", triggers: [{ event: "proto/non-retriable" }] }, async () => {
    throw new NonRetriableError("give up");
  }),
  t.client.createFunction({ id: "race", retries: 1, triggers: [{ event: "proto/race" }] }, async ({ step, group }) => {
    return group.parallel(async () =>
      Promise.race([
        step.run("fast", async () => {
          await new Promise((r) => setTimeout(r, 50));
          return "fast";
        }),
        step.run("slow", () => {
          effects.push("slow");
          throw new Error("slow fails first");
        }),
      ]),
    );
  }),
  t.client.createFunction({ id: "v1", retries: 1, optimizeParallelism: false, triggers: [{ event: "proto/v1" }] }, async ({ step }) => {
    const [a, b] = await Promise.all([
      step.run("a", () => 1),
      step.run("b", () => {
        effects.push("v1-b");
        if (effects.filter((e) => e === "v1-b").length === 1) throw new Error("b fails first");
        return 2;
      }),
    ]);
    return a + b;
  }),
  t.client.createFunction({ id: "mixed", triggers: [{ event: "proto/mixed" }] }, async ({ step }) => {
    const [a] = await Promise.all([step.run("m-a", () => "a"), step.sleep("m-nap", "5s")]);
    return a;
  }),
  t.client.createFunction({ id: "parallel", triggers: [{ event: "proto/parallel" }] }, async ({ step }) => {
    const [a, b, c] = await Promise.all([step.run("a", () => 1), step.run("b", () => 2), step.run("c", () => 3)]);
    const d = await step.run("d", () => a + b + c);
    return d;
  }),
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

describe("sync", () => {
  it("registers every function with its SDK config via in-band PUT", async () => {
    const rows = await h.db.sql`select id, config from executor_functions order by id`;
    expect(rows.map((r) => r.id)).toContain("proto-memo");
    const flakyRow = rows.find((r) => r.id === "proto-flaky");
    expect(flakyRow?.config.steps.step.retries).toEqual({ attempts: 2 });
    expect(flakyRow?.config.steps.step.runtime.url).toBe("http://app.test/api/inngest?fnId=proto-flaky&stepId=step");
  });
});

describe("out-of-band sync", () => {
  it("a plain PUT makes the SDK POST its functions to /fn/register", async () => {
    await h.db.sql`delete from executor_functions where id = 'proto-memo'`;
    const res = await h.handlers.PUT(new Request("http://app.test/api/inngest", { method: "PUT" }) as never, undefined as never);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ modified: true });
    const rows = await h.db.sql`select id, app_id from executor_functions where id = 'proto-memo'`;
    expect(rows).toEqual([{ id: "proto-memo", app_id: "proto" }]);
  });
});

describe("event API", () => {
  it("answers {ids, status: 200} and dedupes a re-sent id", async () => {
    const api = createApi(h.executor);
    const post = (body: unknown) => api(new Request("http://x/e/key", { method: "POST", body: JSON.stringify(body) }));
    const res = await post([{ name: "proto/none", data: {}, id: "same" }, { name: "proto/none", data: {} }]);
    const json = (await res.json()) as { ids: string[]; status: number };
    expect(json.status).toBe(200);
    expect(json.ids).toHaveLength(2);
    expect(json.ids[0]).toBe("same");
    await post({ name: "proto/none", id: "same" });
    const [row] = await h.db.sql`select count(*)::int as n from executor_events where id = 'same'`;
    expect(row?.n).toBe(1);
  });
});

describe("memoization, step ids and the sleep form", () => {
  it("sends memoized state and the stack exactly as the note's example", async () => {
    await send("proto/memo", { n: 3 });
    const A = sha1("fetch-orders");
    const S = sha1("wait-a-bit");
    const B = sha1("save-orders");
    let calls = h.callsOf("proto-memo");
    expect(calls).toHaveLength(2);
    expect(calls[0]?.stepId).toBe("step");
    expect(calls[0]?.body.steps).toEqual({});
    expect(calls[0]?.body.ctx).toMatchObject({ attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } });
    expect(calls[0]?.body.version).toBe(2);
    expect(calls[0]?.status).toBe(206);
    expect(calls[0]?.headers["x-inngest-req-version"]).toBe("2");
    expect(calls[0]?.response).toMatchObject([{ id: A, op: "StepRun", name: "fetch-orders", data: { n: 3 } }]);
    expect(calls[1]?.body.steps).toEqual({ [A]: { data: { n: 3 } } });
    expect(calls[1]?.response).toMatchObject([{ id: S, op: "Sleep", name: "10s", displayName: "wait-a-bit" }]);
    await h.advance(9_999);
    expect(h.callsOf("proto-memo")).toHaveLength(2);
    await h.advance(1);
    calls = h.callsOf("proto-memo");
    expect(calls[2]?.body.steps).toEqual({ [A]: { data: { n: 3 } }, [S]: null });
    expect(calls[2]?.body.ctx.stack.stack).toEqual([A, S]);
    expect(calls[3]?.body.ctx.stack.stack).toEqual([A, S, B]);
    expect(calls[3]?.status).toBe(200);
    expect(calls[3]?.response).toEqual({ saved: 6 });
    const [run] = await h.runsOf("proto-memo");
    expect(run).toMatchObject({ status: "completed", output: { saved: 6 } });
  });

  it("hashes repeated step ids as id, id:1, id:2", async () => {
    await send("proto/repeat");
    const [run] = await h.runsOf("proto-repeat");
    const steps = await h.stepsOf(run?.id ?? "");
    expect(steps.map((s) => s.stepId)).toEqual([sha1("item"), sha1("item:1"), sha1("item:2")]);
    expect(steps.map((s) => s.memo)).toEqual([{ data: 0 }, { data: 1 }, { data: 2 }]);
  });

  it("sleepUntil puts the ISO instant in the op name and wakes at it", async () => {
    await send("proto/until");
    const [first] = h.callsOf("proto-until");
    expect(first?.response).toMatchObject([{ op: "Sleep", name: "2030-01-01T01:00:00.000Z" }]);
    await h.advance(new Date("2030-01-01T01:00:00.000Z").getTime() - h.clock.now().getTime() - 1);
    expect((await h.runsOf("proto-until"))[0]?.status).toBe("running");
    await h.advance(1);
    expect((await h.runsOf("proto-until"))[0]).toMatchObject({ status: "completed", output: "woke" });
  });

  it("step.sendEvent is a StepRun the SDK performs itself, and the event triggers functions", async () => {
    await send("proto/emit");
    const [first] = h.callsOf("proto-emit");
    const op = (first?.response as Array<{ op: string; opts: { type: string }; data: { ids: string[] } }>)[0];
    expect(op?.op).toBe("StepRun");
    expect(op?.opts.type).toBe("step.sendEvent");
    expect(op?.data.ids).toHaveLength(1);
    expect((await h.runsOf("proto-on-emitted"))[0]).toMatchObject({ status: "completed", output: { x: 1 } });
  });
});

describe("attempts and retries", () => {
  it("retries a step with attempt+1 and max_attempts = retries + 1, then resets attempt for the next step", async () => {
    await send("proto/flaky");
    await h.advance(1_000);
    await h.advance(2_000);
    const calls = h.callsOf("proto-flaky");
    const F = sha1("flaky-step");
    expect(calls[0]?.response).toMatchObject([{ op: "StepError", id: F, error: { message: "boom 1" } }]);
    expect(calls[0]?.headers["x-inngest-no-retry"]).toBe("false");
    expect(calls[1]).toMatchObject({ stepId: F, body: { ctx: { attempt: 1, max_attempts: 3 } } });
    expect(calls[2]).toMatchObject({ stepId: F, body: { ctx: { attempt: 2 } } });
    expect(calls[2]?.response).toMatchObject([{ op: "StepRun", data: "fine" }]);
    expect(calls[3]?.body.ctx.attempt).toBe(0);
    expect(effects.filter((e) => e.startsWith("flaky"))).toEqual(["flaky-0", "flaky-1", "flaky-2"]);
    const [run] = await h.runsOf("proto-flaky");
    expect(run?.status).toBe("completed");
    const [step] = await h.stepsOf(run?.id ?? "");
    expect(step?.attempts).toBe(3);
    const attempts = await h.db.sql`select attempt, outcome from executor_attempts where run_id = ${run?.id ?? ""} order by id`;
    expect(attempts.map((a) => a.outcome)).toEqual(["StepError", "StepError", "StepRun", "StepRun", "complete"]);
  });

  it("last attempt answers StepFailed; the unhandled StepError fails the run with 400 no-retry", async () => {
    await send("proto/exhaust");
    await h.advance(1_000);
    const calls = h.callsOf("proto-exhaust");
    expect(calls[1]?.body.ctx).toMatchObject({ attempt: 1, max_attempts: 2 });
    expect(calls[1]?.response).toMatchObject([{ op: "StepFailed", error: { message: "always" } }]);
    expect(calls[1]?.headers["x-inngest-no-retry"]).toBe("true");
    expect(calls[2]?.body.steps[sha1("always-fails")]).toMatchObject({ error: { name: "Error", message: "always" } });
    expect(calls[2]?.status).toBe(400);
    expect(calls[2]?.headers["x-inngest-no-retry"]).toBe("true");
    expect(calls).toHaveLength(3);
    expect((await h.runsOf("proto-exhaust"))[0]?.status).toBe("failed");
  });

  it("NonRetriableError in a step fails it at once; code can catch the StepError", async () => {
    await send("proto/caught");
    const calls = h.callsOf("proto-caught");
    expect(calls[0]?.response).toMatchObject([{ op: "StepFailed" }]);
    expect((await h.runsOf("proto-caught"))[0]).toMatchObject({ status: "completed", output: { caught: "not again" } });
  });

  it("RetryAfterError sets retry-after in seconds and the executor waits for it", async () => {
    await send("proto/retry-after");
    const calls = h.callsOf("proto-retry-after");
    expect(calls[0]?.headers["retry-after"]).toBe("30");
    await h.advance(29_000);
    expect(h.callsOf("proto-retry-after")).toHaveLength(1);
    await h.advance(1_000);
    expect((await h.runsOf("proto-retry-after"))[0]).toMatchObject({ status: "completed", output: "through" });
  });

  it("RetryAfterError with a Date sets an ISO retry-after", async () => {
    effects.length = 0;
    const iso = new Date(h.clock.now().getTime() + 120_000).toISOString();
    await send("proto/retry-after", { iso });
    const calls = h.callsOf("proto-retry-after");
    const last = calls[calls.length - 1];
    expect(last?.headers["retry-after"]).toBe(iso);
    await h.advance(119_000);
    expect((await h.runsOf("proto-retry-after"))[1]?.status).toBe("running");
    await h.advance(1_000);
    expect((await h.runsOf("proto-retry-after"))[1]?.status).toBe("completed");
  });

  it("a function error outside steps is 500 no-retry:false, retried; the last attempt answers 400 no-retry:true", async () => {
    await send("proto/throws");
    await h.advance(1_000);
    const calls = h.callsOf("proto-throws");
    expect(calls.map((c) => [c.status, c.headers["x-inngest-no-retry"], c.body.ctx.attempt])).toEqual([
      [500, "false", 0],
      [400, "true", 1],
    ]);
    expect((await h.runsOf("proto-throws"))[0]).toMatchObject({ status: "failed", error: { message: "outside any step" } });
  });

  it("NonRetriableError outside steps is 400 no-retry:true and fails at once", async () => {
    await send("proto/non-retriable");
    const calls = h.callsOf("proto-non-retriable");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.status).toBe(400);
    expect(calls[0]?.headers["x-inngest-no-retry"]).toBe("true");
    expect((await h.runsOf("proto-non-retriable"))[0]?.status).toBe("failed");
  });
});

describe("parallel steps (request version 2)", () => {
  it("plans all, runs each by stepId, then coalesces into one discovery with sticky disable_immediate", async () => {
    await send("proto/parallel");
    const calls = h.callsOf("proto-parallel");
    const [a, b, c] = [sha1("a"), sha1("b"), sha1("c")];
    expect((calls[0]?.response as Array<{ op: string; id: string }>).map((o) => [o.op, o.id])).toEqual([
      ["StepPlanned", a],
      ["StepPlanned", b],
      ["StepPlanned", c],
    ]);
    const stepCalls = calls.slice(1, 4);
    expect(stepCalls.map((x) => x.stepId).sort()).toEqual([a, b, c].sort());
    expect(stepCalls.every((x) => x.body.ctx.disable_immediate_execution)).toBe(true);
    // Exactly one discovery after the three steps, which carries all three results.
    expect(calls[4]?.stepId).toBe("step");
    expect(Object.keys(calls[4]?.body.steps ?? {}).sort()).toEqual([a, b, c].sort());
    expect(calls[4]?.body.ctx.disable_immediate_execution).toBe(true);
    expect(calls[4]?.response).toMatchObject([{ op: "StepPlanned", id: sha1("d") }]);
    expect(calls.filter((x) => x.stepId === "step")).toHaveLength(3);
    expect((await h.runsOf("proto-parallel"))[0]).toMatchObject({ status: "completed", output: 6 });
  });
});

describe("parallel modes", () => {
  it("a sleep in parallel with a step holds the discovery until it wakes", async () => {
    await send("proto/mixed");
    expect((await h.runsOf("proto-mixed"))[0]?.status).toBe("running");
    const before = h.callsOf("proto-mixed").length;
    await h.advance(5_000);
    expect((await h.runsOf("proto-mixed"))[0]).toMatchObject({ status: "completed", output: "a" });
    const after = h.callsOf("proto-mixed").slice(before);
    expect(after.map((c) => c.stepId)).toEqual(["step"]);
    expect(Object.keys(after[0]?.body.steps ?? {}).sort()).toEqual([sha1("m-a"), sha1("m-nap")].sort());
  });

  it("race groups get a discovery after each settled step, without waiting for the rest", async () => {
    await send("proto/race");
    const calls = h.callsOf("proto-race");
    const [fast, slow] = [sha1("fast"), sha1("slow")];
    expect(calls[0]?.response).toMatchObject([
      { op: "StepPlanned", id: fast, opts: { parallelMode: "race" } },
      { op: "StepPlanned", id: slow, opts: { parallelMode: "race" } },
    ]);
    const slowErrored = calls.some((c) => c.stepId === slow && c.status === 206);
    if (slowErrored) {
      // "slow" failed and waits for its retry, yet "fast" settling alone triggered a discovery.
      const discovery = calls.find((c, i) => i > 0 && c.stepId === "step");
      expect(Object.keys(discovery?.body.steps ?? {})).toEqual([fast]);
    }
    await h.advance(1_000);
    expect((await h.runsOf("proto-race"))[0]).toMatchObject({ status: "completed", output: "fast" });
  });

  it("request version 1 (optimizeParallelism: false) discovers after every step", async () => {
    await send("proto/v1");
    const calls = h.callsOf("proto-v1");
    expect(calls[0]?.headers["x-inngest-req-version"]).toBe("1");
    expect(calls.slice(1).every((c) => c.body.version === 1)).toBe(true);
    // "b" failed and waits for its retry; v1 still discovered as soon as "a" settled (v2 would wait for "b").
    const discovery = calls.find((c, i) => i > 0 && c.stepId === "step");
    expect(Object.keys(discovery?.body.steps ?? {})).toEqual([sha1("a")]);
    await h.advance(1_000);
    expect((await h.runsOf("proto-v1"))[0]).toMatchObject({ status: "completed", output: 3 });
  });
});

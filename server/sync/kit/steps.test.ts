import { describe, expect, it } from "vitest";
import type { Database } from "~/db/client";
import { QuotaWaitError } from "~/server/amazon/request";
import type { RunScope } from "./scope";
import { KitSteps, type StepTools } from "./steps";

/** Inngest's step, as a run sees it: memoized results by id, sleeps recorded. */
function fakeStep() {
  const done = new Map<string, unknown>();
  const log: string[] = [];
  const tools: StepTools = {
    async run(id, fn) {
      if (!done.has(id)) {
        log.push(`run ${id}`);
        done.set(id, JSON.parse(JSON.stringify(await fn())));
      }
      return done.get(id);
    },
    async sleep(id, duration) {
      log.push(`sleep ${id} ${duration}`);
    },
  };
  return { tools, log };
}

const scope: RunScope = { kind: "store_marketplace", organizationId: "o", scopeId: "s", timeZone: "UTC", grantId: "g", region: "na", quotaScope: "ASELLER" };

describe("KitSteps.amazon", () => {
  it("counts Amazon's requests, memoized with the result", async () => {
    const { tools } = fakeStep();
    const steps = new KitSteps(tools, {} as Database, scope);
    const call = () =>
      steps.amazon("create", async (caller) => {
        caller.onCall?.();
        caller.onCall?.();
        return "report-1";
      });
    expect(await call()).toBe("report-1");
    // Replayed (memoized): the same count is added again, as on every re-execution of a run.
    expect(await call()).toBe("report-1");
    expect(steps.apiCalls).toBe(4);
  });

  it("sleeps out a long quota wait durably instead of failing the step, then tries again", async () => {
    const { tools, log } = fakeStep();
    const steps = new KitSteps(tools, {} as Database, scope);
    let tries = 0;
    const value = await steps.amazon("create", async (caller) => {
      tries += 1;
      if (tries === 1) throw new QuotaWaitError(125_000);
      caller.onCall?.();
      return "report-2";
    });
    expect(value).toBe("report-2");
    expect(log).toEqual(["run create", "sleep create~wait 125s", "run create~quota-1"]);
    expect(steps.apiCalls).toBe(1);
  });
});

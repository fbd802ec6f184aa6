import { describe, expect, it } from "vitest";
import type { RunPlan } from "~/server/sync/kit/plan";
import { listingSpans, listingStart } from "./sync-refunds";

const plan = (over: Partial<RunPlan>): RunPlan => ({
  task: "refund-orders",
  window: "recent",
  trigger: "schedule",
  runId: "r",
  scope: { kind: "store", organizationId: "o", scopeId: "s", timeZone: "America/Los_Angeles", grantId: "g", region: "na", quotaScope: "A1", storeId: "s" },
  today: "2026-03-10",
  days: ["2026-03-08", "2026-03-09", "2026-03-10"],
  startedAt: "2026-03-10T20:00:00.000Z",
  resumeFrom: null,
  ...over,
});

describe("a refunds listing", () => {
  it("starts 48 hours before where the last one reached, since Amazon may show an event that late", () => {
    expect(listingStart(plan({ resumeFrom: "2026-03-10T19:15:00.000Z" })).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(listingStart(plan({ resumeFrom: "2026-03-10T19:15:00.000Z", days: ["2026-03-10"] })).toISOString()).toBe("2026-03-08T19:15:00.000Z");
  });

  it("starts at the window's first local day the first time, and at the backfill's whatever it resumed from", () => {
    expect(listingStart(plan({})).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(listingStart(plan({ window: "backfill", days: ["2025-03-10", "2026-03-10"], resumeFrom: "2026-03-09T00:00:00.000Z" })).toISOString()).toBe("2025-03-10T07:00:00.000Z");
  });

  it("after a long pause reaches back a year at most", () => {
    expect(listingStart(plan({ resumeFrom: "2024-01-01T00:00:00.000Z" })).toISOString()).toBe("2025-03-09T20:00:00.000Z");
  });

  it("asks in spans Amazon answers (over 180 days it answers nothing), the last one up to Amazon's now", () => {
    const spans = listingSpans(plan({ window: "backfill", days: ["2025-03-10", "2026-03-10"] }));
    expect(spans).toEqual([
      { postedAfter: "2025-03-10T07:00:00.000Z", postedBefore: "2025-08-27T07:00:00.000Z" },
      { postedAfter: "2025-08-27T07:00:00.000Z", postedBefore: "2026-02-13T07:00:00.000Z" },
      { postedAfter: "2026-02-13T07:00:00.000Z", postedBefore: null },
    ]);
    expect(listingSpans(plan({}))).toEqual([{ postedAfter: "2026-03-08T08:00:00.000Z", postedBefore: null }]);
  });
});

import { describe, expect, it } from "vitest";
import { claimStatus } from "./status";

const base = { resolution: null, submittedOn: null, eligibleFrom: "2026-03-01", deadline: "2026-03-31" } as const;

describe("claim status", () => {
  it("waits for Amazon's window, is open inside it and expires after it", () => {
    expect(claimStatus(base, "2026-02-28")).toBe("waiting");
    expect(claimStatus(base, "2026-03-01")).toBe("open");
    expect(claimStatus(base, "2026-03-31")).toBe("open");
    expect(claimStatus(base, "2026-04-01")).toBe("expired");
  });

  it("a submission unanswered for 30 days lapses and can be filed again; after the deadline it has expired", () => {
    const filed = { ...base, submittedOn: "2026-03-02" };
    expect(claimStatus(filed, "2026-03-31")).toBe("submitted");
    expect(claimStatus(filed, "2026-04-01")).toBe("expired");
    const early = { ...base, deadline: "2026-06-30", submittedOn: "2026-03-02" };
    expect(claimStatus(early, "2026-03-31")).toBe("submitted");
    expect(claimStatus(early, "2026-04-01")).toBe("lapsed");
  });

  it("a reimbursement or Amazon's own settlement closes the case whatever the day", () => {
    expect(claimStatus({ ...base, resolution: "reimbursed", submittedOn: "2026-03-02" }, "2027-01-01")).toBe("reimbursed");
    expect(claimStatus({ ...base, resolution: "found" }, "2026-02-01")).toBe("resolved");
  });
});

import { expect, it } from "vitest";
import { evidenceText } from "./evidence-text";

const refund = {
  kind: "customer_return" as const,
  marketplace: "US",
  marketplaceName: "Amazon.com",
  sku: "KETTLE-1",
  fnsku: "X00KETTLE1",
  asin: null,
  title: "Stainless kettle",
  units: 2,
  eventDay: "2026-01-05",
  sourceRef: "113-1234567-1234567/KETTLE-1",
  lapsedSubmission: null,
};
const evidence = [
  { label: "Refund", value: "2 units refunded on 2026-01-05, order 113-1234567-1234567", source: "Refunds (Finances)" },
  { label: "Returns", value: "none received by 2026-03-06", source: "FBA customer returns report" },
];

it("says what is claimed, for which product and on which facts, each with the report it comes from", () => {
  expect(evidenceText(refund, evidence)).toBe(
    [
      "Reimbursement request: Refunded, not returned",
      "Marketplace: Amazon.com (US)",
      "Product: Stainless kettle",
      "Identifiers: SKU KETTLE-1, FNSKU X00KETTLE1",
      "Units claimed: 2",
      "Date of the event: 2026-01-05",
      "Reference: 113-1234567-1234567/KETTLE-1",
      "",
      "Evidence from Amazon's own records:",
      "- Refund: 2 units refunded on 2026-01-05, order 113-1234567-1234567 (Refunds (Finances))",
      "- Returns: none received by 2026-03-06 (FBA customer returns report)",
    ].join("\n"),
  );
});

it("names the case Amazon left unanswered when it is filed again, and leaves out what is unknown", () => {
  const text = evidenceText({ ...refund, title: null, sku: null, fnsku: null, lapsedSubmission: { amazonCaseId: "12345678901", submittedOn: "2026-03-10" } }, []);
  expect(text).toContain("Previous case: 12345678901, filed 2026-03-10, unanswered after 30 days");
  expect(text).not.toMatch(/Product:|Identifiers:/);
});

import { expect, test } from "@playwright/test";
import { authorizeFreeSeller, disconnectKeepingData, newUser, reloadUntil, signUp } from "./fixtures";

/*
 * The Claims Assistant after a store authorization: the ledger, inbound shipments and reimbursements arrive,
 * the analysis finds what Amazon still owes, and a seller opens a case, reads its evidence and deadline,
 * marks it submitted, undoes it, and records a filing Amazon left unanswered for 30 days — which shows as
 * lapsed and claimable again. The store is disconnected at the end, keeping its data, so a later test can
 * connect the same seller account.
 */

/** The local day `days` before today, a day short of the marketplace's (any zone is within ±14 h of UTC). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test("a seller finds an owed claim with its evidence and deadline, files it, and sees an unanswered filing lapse", async ({ page }) => {
  test.setTimeout(600_000);
  await signUp(page, newUser(), "Claims Co");
  await authorizeFreeSeller(page);
  try {
    await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Claims" }).click();
    await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
    // 18 months of ledger, shipments and reimbursements, then the analysis.
    await reloadUntil(page, () => expect(page.getByTestId("claim-row").first()).toBeVisible({ timeout: 1_000 }), 480_000);
    await expect(page.getByTestId("claims-tab-open")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("claims-total-open")).not.toBeEmpty();

    // A case whose loss is over a month old: a filing 31 days ago is one it can have had.
    const cutoff = daysAgo(32);
    const rows = page.getByTestId("claim-row");
    const eventDays = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[5]!.textContent!.trim()));
    const index = eventDays.findIndex((d) => d <= cutoff);
    expect(index, `an open case older than ${cutoff} among ${eventDays.join(", ")}`).toBeGreaterThanOrEqual(0);
    await rows.nth(index).getByTestId("claim-link").click();
    await expect(page).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);

    // Its evidence, Amazon's policy and the deadline.
    await expect(page.getByTestId("claim-evidence").getByTestId("evidence-line").first()).toBeVisible();
    expect(await page.getByTestId("evidence-line").count()).toBeGreaterThan(3);
    await expect(page.getByTestId("claim-policy")).toContainText(/Amazon accepts a claim/);
    await expect(page.getByTestId("claim-deadline").first()).toHaveText(/\d{4}-\d{2}-\d{2}/);
    await expect(page.getByTestId("claim-status").first()).toHaveAttribute("data-status", "open");
    await expect(page.getByTestId("claim-event").first()).toHaveAttribute("data-transition", "found");

    // Filed today: waiting for Amazon's answer; then undone.
    await page.getByLabel("Amazon case id").fill("12345678901");
    await page.getByTestId("mark-submitted").click();
    await expect(page.getByTestId("claim-status").first()).toHaveAttribute("data-status", "submitted");
    await expect(page.getByTestId("claim-event").first()).toHaveAttribute("data-transition", "submitted");
    await page.getByTestId("undo-submission").click();
    await expect(page.getByTestId("claim-status").first()).toHaveAttribute("data-status", "open");

    // Filed 31 days ago and never answered: lapsed, and the page offers to file it again.
    await page.getByLabel("Amazon case id").fill("98765432101");
    await page.getByLabel(/Date filed/).fill(daysAgo(31));
    await page.getByTestId("mark-submitted").click();
    await expect(page.getByTestId("claim-status").first()).toHaveAttribute("data-status", "lapsed");
    await expect(page.getByTestId("claim-submission")).toContainText("did not answer case 98765432101");
    await expect(page.getByTestId("mark-submitted")).toBeVisible();

    // Back in the list, it is open again, marked lapsed.
    await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Claims" }).click();
    await expect(page.locator('[data-testid="claim-row"][data-status="lapsed"]')).toHaveCount(1);
  } finally {
    await disconnectKeepingData(page);
  }
});

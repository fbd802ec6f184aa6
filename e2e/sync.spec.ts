import { expect, test } from "@playwright/test";
import { authorizeAdvertising, authorizeStore, newUser, signUp } from "./fixtures";

test("after authorization, ad data and orders arrive and the Sync center shows their state", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, newUser(), "Europe Home");
  await authorizeStore(page, "Sandbox Home Europe GmbH");
  await authorizeAdvertising(page, "Sandbox Home Europe GmbH");

  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Sync center" }).click();
  const ads = page.getByTestId("sync-task-ads-performance");
  await expect(ads).toContainText("Advertising data");
  await expect(ads).toContainText("Initial: last 60 days");
  // The 60-day backfill of every connected profile completes.
  await expect(async () => {
    await page.reload();
    await expect(ads.getByTestId("backfill-progress").first()).toContainText("60 of 60 days");
    await expect(ads.getByTestId("backfill-progress").filter({ hasNotText: "60 of 60 days" })).toHaveCount(0);
  }).toPass({ timeout: 180_000, intervals: [2_000] });
  // Every marketplace's claims assistant has its initial 18 months under way or done; the ad account is listed
  // at authorization, and the whole listing of additions waits for its button.
  await expect(page.getByTestId("sync-task-claims")).toContainText("Initial: 18 months to 1 month before authorization");
  await expect(page.getByTestId("sync-task-ads-settings")).toContainText("Initial: every campaign, ad group, ad and target");
  await expect(page.getByTestId("sync-task-ads-additions")).toContainText("Runs when you ask for it.");
  await expect(page.getByTestId("sync-runs")).toContainText("Advertising data");

  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Advertising" }).click();
  await expect(page.getByRole("heading", { name: "Advertising", level: 1 })).toBeVisible();
  const uk = await page.getByLabel("Ad profile").locator("option", { hasText: /^UK/ }).getAttribute("value");
  await page.getByLabel("Ad profile").selectOption(uk!);
  await expect(page.getByTestId("campaigns").getByTestId("performance-row").first()).toBeVisible();
  await expect(page.getByTestId("performance-total")).toContainText("£");
  await expect(page.getByTestId("day-settlement")).toBeVisible();
  await page.getByTestId("campaigns").getByRole("link").first().click();
  await expect(page.getByTestId("ad-groups").getByTestId("performance-row").first()).toBeVisible();
  await page.getByTestId("ad-groups").getByRole("link").first().click();
  await expect(page.getByTestId("targets").getByTestId("performance-row").first()).toBeVisible();

  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await page.getByLabel("Date range").selectOption("7d");
  await expect(page).toHaveURL(/\/orders\?range=7d/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("order-row").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(page.getByTestId("orders-summary")).toContainText("orders");
});

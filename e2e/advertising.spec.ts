import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { authorizeAdvertising, newUser, reloadUntil, signUp } from "./fixtures";

/*
 * The Advertising module after an Ads authorization: the campaigns table lists the sandbox account's
 * campaigns with their budgets and states; a budget changed "in Seller Central" (the sandbox console) is
 * read back with Bulk Actions → Synchronize Budget/Bid or Status on the selected campaign, and the History
 * tab shows the change. The profiles are disconnected at the end, keeping their data, so a later test can
 * connect the same Ads account.
 */

const AMAZON = "http://127.0.0.1:8310";
const SELLER = "Sandbox Outdoor Co.";

interface TruthCampaign {
  campaignId: string;
  name: string;
  state: "ENABLED" | "PAUSED" | "ARCHIVED";
  budget: { budget: number };
}

const usd = (amount: number) => new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(amount);

async function disconnectAdProfiles(page: Page) {
  await page.goto("/settings/amazon");
  const rows = page.getByTestId("ad-profile");
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const disconnect = row.getByRole("button", { name: "Disconnect", exact: true });
    if ((await disconnect.count()) === 0) continue;
    await disconnect.click();
    await row.getByRole("button", { name: "Disconnect, keep data" }).click();
    // Its confirmation stays until the profile reads as disconnected: one profile at a time.
    await expect(row.getByRole("button", { name: /Disconnect/ })).toHaveCount(0, { timeout: 30_000 });
  }
}

test("the campaigns table shows Amazon's settings, and a budget changed in Seller Central is synchronized on demand", async ({ page }) => {
  test.setTimeout(600_000);
  await signUp(page, newUser(), "Outdoor Ads");
  await authorizeAdvertising(page, SELLER);
  try {
    await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Advertising" }).click();
    await expect(page.getByRole("heading", { name: "Advertising", level: 1 })).toBeVisible();
    const us = page.getByLabel("Ad profile").locator("option", { hasText: /^US/ });
    const amazonProfileId = /\((\d+)\)$/.exec((await us.textContent()) ?? "")?.[1];
    expect(amazonProfileId, "the US profile's Amazon id in the switcher").toBeTruthy();
    await page.getByLabel("Ad profile").selectOption((await us.getAttribute("value"))!);
    await expect(page).toHaveURL(/profile=/);

    // What the sandbox's Ads account holds: archived campaigns are hidden unless asked for.
    const truth = (await (await fetch(`${AMAZON}/__sandbox/truth/ads/entities?profileId=${amazonProfileId}`)).json()) as { campaigns: TruthCampaign[] };
    const shown = truth.campaigns.filter((c) => c.state !== "ARCHIVED");
    expect(shown.length).toBeGreaterThan(0);
    const table = page.getByTestId("campaigns");
    const synced = table.locator('[data-testid="performance-row"][data-synced="true"]');
    // The account is listed in the background right after the authorization.
    await reloadUntil(page, () => expect(synced).toHaveCount(shown.length, { timeout: 2_000 }), 300_000);
    for (const c of shown) {
      const row = table.locator(`tr[data-entity-id="${c.campaignId}"]`);
      await expect(row.locator('td[data-column="name"]')).toHaveText(c.name);
      await expect(row.locator('td[data-column="budget"]')).toHaveText(usd(c.budget.budget));
      await expect(row.getByTestId("entity-state")).toHaveAttribute("data-state", c.state);
    }

    // The seller changes a campaign's budget in Seller Central.
    const campaign = shown.find((c) => c.state === "ENABLED") ?? shown[0]!;
    expect(campaign.budget.budget).not.toBe(37.5);
    const edit = await fetch(`${AMAZON}/__sandbox/ads/console`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profileId: amazonProfileId, action: "setBudget", id: campaign.campaignId, budget: 37.5 }),
    });
    expect(edit.status).toBe(200);

    // Select it (a click can land before the page is hydrated: repeated until the selection shows).
    const row = table.locator(`tr[data-entity-id="${campaign.campaignId}"]`);
    await expect(async () => {
      await row.getByRole("checkbox").check();
      await expect(page.getByTestId("entity-count")).toContainText("1 selected", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    // Bulk Actions → Synchronize Budget/Bid or Status; asked again only when Amazon's quota is busy (the
    // performance backfill runs meanwhile) and the answer says to try again.
    const result = page.getByTestId("bulk-result");
    await expect(async () => {
      if (/^$|try again/.test((await result.textContent()) ?? "")) {
        await page.getByRole("button", { name: /Bulk Actions/ }).click({ timeout: 5_000 });
        await page.getByRole("menuitem", { name: "Synchronize Budget/Bid or Status" }).click({ timeout: 5_000 });
        const dialog = page.getByRole("dialog", { name: "Confirm synchronization" });
        await expect(dialog).toContainText("1 selected entity", { timeout: 5_000 });
        await dialog.getByRole("button", { name: "Synchronize" }).click({ timeout: 5_000 });
      }
      await expect(result).not.toHaveText(/^$|Synchronizing/, { timeout: 60_000 });
      await expect(result).toHaveText("1 entity read; 1 change from Seller Central", { timeout: 1_000 });
    }).toPass({ timeout: 180_000 });

    // The table reads its settings again.
    await expect(row.locator('td[data-column="budget"]')).toHaveText("$37.50", { timeout: 30_000 });

    // Its CSV holds every campaign the table shows, with the new budget as an exact decimal.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ad-entities-export").click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.trim().split("\r\n")).toHaveLength(1 + shown.length);
    expect(csv).toMatch(new RegExp(`\\r\\nCampaign,${campaign.campaignId},[^\\r]*,37\\.5000,`));

    // The History tab shows the change, made in Seller Central.
    await page.getByTestId("advertising-tab-history").click();
    await expect(page).toHaveURL(/\/advertising\/history\?/);
    const change = page.locator('[data-testid="history-row"][data-field="budget"][data-source="seller_central"]');
    await expect(change).toHaveCount(1, { timeout: 30_000 });
    await expect(change).toContainText(campaign.name);
    await expect(change).toContainText("Seller Central");
    await expect(change.getByTestId("history-change")).toHaveText(`${usd(campaign.budget.budget)} → $37.50`);
  } finally {
    await disconnectAdProfiles(page);
  }
});

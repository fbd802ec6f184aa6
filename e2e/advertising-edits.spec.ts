import { expect, test, type Locator, type Page } from "@playwright/test";
import { newUser, reloadUntil, selectAllProfiles, signUp } from "./fixtures";

/*
 * Advertising edits pushed to Amazon from the tables (the sandbox's Ads API): a keyword's bid raised in place
 * reaches Amazon and the History names the member; a budget changed in Seller Central (the sandbox console)
 * since the page was loaded is a conflict showing the three values, and "Overwrite with mine" pushes the
 * member's; two keywords paused with Bulk Actions; a search term added as a negative shows on the Negatives
 * tab. The Japanese seller's Ads account is the one no other browser test connects (advertising.spec.ts uses
 * Sandbox Outdoor Co., sync.spec.ts Sandbox Home Europe GmbH); its profiles are disconnected at the end.
 */

const AMAZON = "http://127.0.0.1:8310";
const SELLER = "Sandbox Japan KK";

type State = "ENABLED" | "PAUSED" | "ARCHIVED";
interface Truth {
  campaigns: Array<{ campaignId: string; name: string; state: State; budget: { budget: number } }>;
  adGroups: Array<{ adGroupId: string; state: State }>;
  keywords: Array<{ keywordId: string; adGroupId: string; campaignId: string; keywordText: string; matchType: string; state: State; bid: number }>;
}

async function truthOf(profileId: string): Promise<Truth> {
  return (await (await fetch(`${AMAZON}/__sandbox/truth/ads/entities?profileId=${profileId}`)).json()) as Truth;
}

/** An amount in cents as the app and Amazon write it ("12.05"): the test never adds floats. */
const cents = (amount: number) => Math.round(amount * 100);
const decimal = (c: number) => `${String(Math.floor(c / 100))}.${String(c % 100).padStart(2, "0")}`;

/** The Ads consent for the Far East (JP, AU), then every profile found connected. */
async function authorizeFarEastAds(page: Page) {
  await page.goto("/settings/amazon");
  await page.getByLabel("Authorize advertising region").selectOption("fe");
  await page.getByRole("button", { name: "Authorize advertising" }).click();
  await expect(page.getByRole("heading", { name: /Amazon Ads/ })).toBeVisible();
  await page.getByLabel(new RegExp(SELLER)).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/Amazon Ads authorized: \d+ advertising profile/);
  await selectAllProfiles(page);
  await page.getByRole("button", { name: "Connect selected profiles" }).click();
  await expect(page.getByTestId("ad-profiles").getByText("Not connected")).toHaveCount(0);
}

async function disconnectAdProfiles(page: Page) {
  await page.goto("/settings/amazon");
  const rows = page.getByTestId("ad-profile");
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const disconnect = row.getByRole("button", { name: "Disconnect", exact: true });
    if ((await disconnect.count()) === 0) continue;
    await disconnect.click();
    await row.getByRole("button", { name: "Disconnect, keep data" }).click();
    await expect(row.getByRole("button", { name: /Disconnect/ })).toHaveCount(0, { timeout: 30_000 });
  }
}

/**
 * Sends an edit and waits for Amazon's answer; sends it again only when the profile's quota was busy (the
 * performance backfill runs meanwhile) and the answer says to try again. A click that lands before the page
 * is hydrated does nothing, so `send` is repeated until something answers.
 */
async function editUntilAnswered(page: Page, send: () => Promise<void>) {
  const outcome = page.getByTestId("edit-outcome");
  await expect(async () => {
    if ((await outcome.count()) === 0 || /try again/.test((await outcome.textContent()) ?? "")) await send();
    await expect(outcome).toHaveAttribute("data-state", /done|error/, { timeout: 60_000 });
    await expect(outcome).not.toContainText("try again", { timeout: 1_000 });
  }).toPass({ timeout: 180_000 });
  return outcome;
}

/** Opens a value's inline editor (repeated until the page is hydrated and it opens) and saves a new value. */
async function editInPlace(page: Page, scope: Locator, name: string, value: string) {
  const input = scope.getByRole("textbox", { name, exact: true });
  await expect(async () => {
    if ((await input.count()) === 0) await scope.getByRole("button", { name: `Edit ${name.charAt(0).toLowerCase()}${name.slice(1)}`, exact: true }).click({ timeout: 5_000 });
    await expect(input).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await input.fill(value);
  await input.press("Enter");
}

test("bids, budgets and states edited in the tables reach Amazon, conflicts with Seller Central are asked, search terms become negatives", async ({ page }) => {
  test.setTimeout(900_000);
  const user = newUser();
  await signUp(page, user, "Japan Ads Edits");
  await authorizeFarEastAds(page);
  try {
    await page.goto("/advertising");
    const au = page.getByLabel("Ad profile").locator("option", { hasText: /^AU/ });
    const profileId = /\((\d+)\)$/.exec((await au.textContent()) ?? "")?.[1];
    expect(profileId, "the AU profile's Amazon id in the switcher").toBeTruthy();
    await page.getByLabel("Ad profile").selectOption((await au.getAttribute("value"))!);
    await expect(page).toHaveURL(/profile=/);
    const query = new URL(page.url()).search;
    const aud = (c: number) => new Intl.NumberFormat("en", { style: "currency", currency: "AUD" }).format(c / 100);

    const truth = await truthOf(profileId!);
    const campaign = truth.campaigns.find((c) => c.state !== "ARCHIVED")!;
    const enabledGroups = new Set(truth.adGroups.filter((g) => g.state === "ENABLED").map((g) => g.adGroupId));
    const keywords = truth.keywords.filter((k) => k.state === "ENABLED" && enabledGroups.has(k.adGroupId));
    expect(keywords.length, "enabled keywords in the sandbox account").toBeGreaterThanOrEqual(3);
    // The account is listed in the background right after the authorization, one kind of entity after another.
    const campaigns = page.getByTestId("campaigns");
    await reloadUntil(page, () => expect(campaigns.locator(`tr[data-entity-id="${campaign.campaignId}"][data-synced="true"]`)).toBeVisible({ timeout: 2_000 }), 300_000);
    await page.goto(`/advertising/targets${query}`);
    await reloadUntil(
      page,
      async () => {
        for (const k of keywords.slice(0, 3)) await expect(page.locator(`[data-testid="targets"] tr[data-entity-id="${k.keywordId}"][data-synced="true"]`)).toBeVisible({ timeout: 2_000 });
      },
      300_000,
    );

    await test.step("a keyword's bid raised in place reaches Amazon, and the History names who did it", async () => {
      const keyword = keywords[0]!;
      const raised = cents(keyword.bid) + 25;
      await page.goto(`/advertising/targets${query}`);
      const row = page.getByTestId("targets").locator(`tr[data-entity-id="${keyword.keywordId}"]`);
      await expect(row.locator('td[data-column="bid"]')).toHaveText(aud(cents(keyword.bid)), { timeout: 30_000 });
      const outcome = await editUntilAnswered(page, () => editInPlace(page, row, `Bid of ${keyword.keywordText}`, decimal(raised)));
      await expect(outcome).toHaveAttribute("data-applied", "1");
      await expect(row.locator('td[data-column="bid"]')).toHaveText(aud(raised), { timeout: 30_000 });
      const after = (await truthOf(profileId!)).keywords.find((k) => k.keywordId === keyword.keywordId)!;
      expect(cents(after.bid)).toBe(raised);

      await page.getByTestId("advertising-tab-history").click();
      const change = page.locator('[data-testid="history-row"][data-field="bid"][data-source="app"]');
      await expect(change).toHaveCount(1, { timeout: 30_000 });
      await expect(change).toContainText(keyword.keywordText);
      await expect(change).toContainText(user.name);
      await expect(change).toContainText("Applied by Amazon");
      await expect(change.getByTestId("history-change")).toHaveText(`${aud(cents(keyword.bid))} → ${aud(raised)}`);
    });

    await test.step("a budget changed in Seller Central since the page was loaded is a conflict; the member's value overwrites it", async () => {
      await page.goto(`/advertising${query}`);
      const row = page.getByTestId("campaigns").locator(`tr[data-entity-id="${campaign.campaignId}"]`);
      const loaded = cents(campaign.budget.budget);
      await expect(row.locator('td[data-column="budget"]')).toHaveText(aud(loaded), { timeout: 30_000 });
      // The seller changes it in Seller Central while this page shows the old budget.
      const theirs = loaded + 300;
      const mine = loaded + 700;
      const console = await fetch(`${AMAZON}/__sandbox/ads/console`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ profileId, action: "setBudget", id: campaign.campaignId, budget: decimal(theirs) }),
      });
      expect(console.status).toBe(200);
      await expect(row.locator('td[data-column="budget"]')).toHaveText(aud(loaded));

      const outcome = await editUntilAnswered(page, () => editInPlace(page, row, `Daily budget of ${campaign.name}`, decimal(mine)));
      await expect(outcome).toHaveAttribute("data-conflicts", "1");
      const dialog = page.getByRole("dialog", { name: "Changed in Seller Central" });
      await expect(dialog).toBeVisible({ timeout: 30_000 });
      const field = dialog.locator('[data-testid="conflict-field"][data-field="budget"]');
      await expect(field.getByTestId("conflict-loaded")).toHaveText(aud(loaded));
      await expect(field.getByTestId("conflict-yours")).toHaveText(aud(mine));
      await expect(field.getByTestId("conflict-amazon")).toHaveText(aud(theirs));
      await expect(field).toContainText("(changed in Seller Central)");
      // Nothing was sent: Amazon still has the seller's value.
      expect(cents((await truthOf(profileId!)).campaigns.find((c) => c.campaignId === campaign.campaignId)!.budget.budget)).toBe(theirs);

      await dialog.getByRole("button", { name: "Overwrite with mine" }).click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });
      await expect(outcome).toHaveAttribute("data-state", "done", { timeout: 60_000 });
      await expect(outcome).toHaveAttribute("data-applied", "1");
      await expect(row.locator('td[data-column="budget"]')).toHaveText(aud(mine), { timeout: 30_000 });
      expect(cents((await truthOf(profileId!)).campaigns.find((c) => c.campaignId === campaign.campaignId)!.budget.budget)).toBe(mine);
    });

    await test.step("two keywords selected and paused with Bulk Actions", async () => {
      const pair = keywords.slice(1, 3);
      await page.goto(`/advertising/targets${query}`);
      const table = page.getByTestId("targets");
      // A click can land before the page is hydrated: repeated until the selection shows.
      await expect(async () => {
        for (const k of pair) await table.locator(`tr[data-entity-id="${k.keywordId}"]`).getByRole("checkbox").check({ timeout: 2_000 });
        await expect(page.getByTestId("entity-count")).toContainText("2 selected", { timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
      const outcome = await editUntilAnswered(page, async () => {
        await page.getByRole("button", { name: /Bulk Actions/ }).click({ timeout: 5_000 });
        await page.getByRole("menuitem", { name: "Pause", exact: true }).click({ timeout: 5_000 });
      });
      await expect(outcome).toHaveAttribute("data-applied", "2");
      for (const k of pair) await expect(table.locator(`tr[data-entity-id="${k.keywordId}"]`).getByTestId("entity-state")).toHaveAttribute("data-state", "PAUSED", { timeout: 30_000 });
      const states = (await truthOf(profileId!)).keywords.filter((k) => pair.some((p) => p.keywordId === k.keywordId)).map((k) => k.state);
      expect(states).toEqual(["PAUSED", "PAUSED"]);
    });

    await test.step("a search term added as a negative shows on the Negatives tab", async () => {
      await page.goto(`/advertising/search-terms${query}&range=60d`);
      const rows = page.getByTestId("search-term-row");
      // Search terms arrive with the performance backfill, which runs meanwhile.
      await reloadUntil(page, () => expect(rows.first()).toBeVisible({ timeout: 2_000 }), 300_000);
      const candidates = rows.filter({ hasNot: page.getByTestId("term-is-negative") }).filter({ has: page.getByRole("button", { name: "Add as negative", disabled: false }) });
      const terms = await candidates.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-term") ?? ""));
      const term = terms.find((t) => t && !/^b0[a-z0-9]{8}$/i.test(t));
      expect(term, "a search term that is neither an ASIN nor negated yet").toBeTruthy();
      const row = candidates.and(page.locator(`[data-term="${term}"]`)).first();
      const panel = page.getByRole("dialog", { name: "Add as negative" });
      await expect(async () => {
        if ((await panel.count()) === 0) await row.getByRole("button", { name: "Add as negative" }).click({ timeout: 5_000 });
        await expect(panel).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      await expect(panel.getByLabel("Negative exact", { exact: true })).toBeChecked();
      await expect(panel.getByLabel("Ad group", { exact: true })).toBeChecked();
      await panel.getByRole("button", { name: "Create on Amazon" }).click();
      await expect(panel.getByTestId("create-results")).toHaveAttribute("data-created", "1", { timeout: 60_000 });
      await expect(panel.getByTestId("create-result")).toContainText(`${term!}`);

      await page.goto(`/advertising/negatives${query}&q=${encodeURIComponent(term!)}`);
      const negative = page.getByTestId("negatives").getByTestId("performance-row").filter({ has: page.locator('td[data-column="name"]', { hasText: term! }) });
      await expect(negative).toHaveCount(1, { timeout: 30_000 });
      await expect(negative).toContainText("Negative exact");
      await expect(negative.getByTestId("entity-state")).toHaveAttribute("data-state", "ENABLED");
    });
  } finally {
    await disconnectAdProfiles(page);
  }
});

import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { authorizeStore, newUser, reloadUntil, signIn, signUp } from "./fixtures";

const AMAZON = "http://127.0.0.1:8310";
const JP = "A1VC38T7YXB528";

// The Japanese seller's organization of e2e/amazon.spec.ts (the same user in every file of this run). Run
// alone, this file makes it: every sandbox seller account can be held by one organization only.
const japan = newUser({ email: `japan-${process.env.E2E_RUN_ID}@example.com`, password: `correct-horse-japan-${process.env.E2E_RUN_ID}` });

async function signInAsJapan(page: Page) {
  await signIn(page, japan);
  const shell = page.getByRole("navigation", { name: "Modules" });
  await expect(shell.or(page.getByTestId("form-error"))).toBeVisible();
  if (await shell.isVisible()) return;
  await signUp(page, japan, "Second Co");
  await authorizeStore(page, "Sandbox Japan KK");
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/Store authorized/);
}

/** The cells of every row on the page, as text. */
const rowsOf = (page: Page) => page.getByTestId("list-row").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
const count = (text: string) => Number(text.replace(/[^\d.]/g, ""));

// Columns of a row: marketplace, then the list's own.
const COL = { marketplace: 0, sku: 1, fulfillable: 5, inboundWorking: 6, inboundShipped: 7, inboundReceiving: 8, reserved: 9, researching: 10, unfulfillable: 11, total: 12, sold30: 15, daysOfSupply: 16, restock: 17 } as const;

interface Truth { sku: string; fulfillable: number; inboundWorking: number; inboundShipped: number; inboundReceiving: number; reserved: number; researching: number; unfulfillable: number; total: number }

test("the Inventory page: each SKU's units by state equal Amazon's, sales, days of supply and restock explained, filtered, sorted and exported", async ({ page }) => {
  // The store's first syncs run at once on authorization; its orders (for the sales columns) within minutes.
  test.setTimeout(420_000);
  await signInAsJapan(page);
  // Units sold come from the store's orders: the incremental sync brings yesterday's at once, the history
  // before it within minutes of the authorization (the Orders page says when).
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await reloadUntil(page, () => expect(page.getByTestId("order-history")).toContainText("the year before yesterday is loaded", { timeout: 1_000 }), 300_000);
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Inventory" }).click();
  await expect(page.getByRole("heading", { name: "Inventory", level: 1 })).toBeVisible();
  await expect(page.getByTestId("restock-formula")).toContainText("rounded up, minus what you have and what is on its way");
  await reloadUntil(page, () => expect(page.getByTestId("list-row").first()).toBeVisible({ timeout: 1_000 }), 60_000);
  expect((await rowsOf(page)).some((r) => count(r[COL.sold30]!) > 0)).toBe(true);
  const fetched = page.getByTestId("inventory-fetched-marketplace");
  await expect(fetched).toHaveCount(2);
  for (const country of ["AU", "JP"]) await expect(fetched.filter({ hasText: country })).toContainText(/SKUs? listed/);

  // Japan only: every SKU's quantities equal what Amazon holds now.
  const jp = await page.getByLabel("Marketplace").locator("option", { hasText: "JP" }).getAttribute("value");
  await page.getByLabel("Marketplace").selectOption(jp!);
  await expect(page).toHaveURL(new RegExp(`scope=${jp}`));
  const state = (await (await fetch(`${AMAZON}/__sandbox/state`)).json()) as { sellers: { sellerId: string; name: string }[] };
  const seller = state.sellers.find((s) => s.name === "Sandbox Japan KK")!;
  const truth = ((await (await fetch(`${AMAZON}/__sandbox/truth/inventory?sellerId=${seller.sellerId}&marketplaceId=${JP}`)).json()) as { items: Truth[] }).items;
  await expect(page.getByTestId("list-row")).toHaveCount(truth.length);
  const shown = new Map((await rowsOf(page)).map((r) => [r[COL.sku]!, r]));
  for (const t of truth) {
    const r = shown.get(t.sku)!;
    expect(r[COL.marketplace]).toBe("JP");
    expect([COL.fulfillable, COL.inboundWorking, COL.inboundShipped, COL.inboundReceiving, COL.reserved, COL.researching, COL.unfulfillable, COL.total].map((i) => count(r[i]!)), t.sku).toEqual([
      t.fulfillable, t.inboundWorking, t.inboundShipped, t.inboundReceiving, t.reserved, t.researching, t.unfulfillable, t.total,
    ]);
  }

  // Sorted by days of supply, fewest first; a SKU that sold nothing says so, last.
  await page.getByRole("button", { name: /^Days of supply/ }).click();
  await expect(page).toHaveURL(/sort=daysOfSupply&dir=asc/);
  const supply = (await rowsOf(page)).map((r) => r[COL.daysOfSupply]!);
  const numbers = supply.filter((s) => s !== "no sales").map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(supply.slice(numbers.length).every((s) => s === "no sales")).toBe(true);

  // A year of lead time and of cover: every SKU that sold needs restocking by the formula, and the filter
  // shows exactly those, each with a suggestion above 0.
  await page.getByLabel("Lead time").fill("365");
  await page.getByLabel("Lead time").press("Enter");
  await expect(page).toHaveURL(/lead=365/);
  await page.getByLabel("Days of cover").fill("365");
  await page.getByLabel("Days of cover").press("Enter");
  await expect(page).toHaveURL(/cover=365/);
  const withSettings = await rowsOf(page);
  for (const r of withSettings) {
    // ⌈units sold in 30 days ÷ 30 × (365 + 365)⌉ − (fulfillable + inbound), at least 0.
    const onHand = count(r[COL.fulfillable]!) + count(r[COL.inboundWorking]!) + count(r[COL.inboundShipped]!) + count(r[COL.inboundReceiving]!);
    expect(count(r[COL.restock]!), r[COL.sku]).toBe(Math.max(0, Math.ceil((count(r[COL.sold30]!) * 730) / 30) - onHand));
  }
  const needing = withSettings.filter((r) => count(r[COL.restock]!) > 0).map((r) => r[COL.sku]);
  expect(needing.length).toBeGreaterThan(0);
  await page.getByLabel("Stock").selectOption("restock");
  await expect(page).toHaveURL(/stock=restock/);
  await expect(page.getByTestId("list-row")).toHaveCount(needing.length);
  expect((await rowsOf(page)).map((r) => r[COL.sku]).sort()).toEqual([...needing].sort());

  // The export holds exactly these rows, computed with the same settings.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Marketplace,SKU,ASIN,FNSKU,Product,Fulfillable,Inbound working,Inbound shipped,Inbound receiving,Reserved,Researching,Unfulfillable,Total,Sold 7 days,Sold 14 days,Sold 30 days,Days of supply,Restock,/);
  expect(lines.slice(1)).toHaveLength(needing.length);
  for (const line of lines.slice(1)) {
    expect(line).toMatch(/^JP,/);
    expect(Number(line.split(",")[COL.restock])).toBeGreaterThan(0);
  }

  // One SKU's own page: its quantities over time, the latest equal to the list's.
  const [first] = await rowsOf(page);
  await page.getByRole("link", { name: first![COL.sku]!, exact: true }).click();
  await expect(page.getByRole("heading", { name: `${first![COL.sku]} · JP`, level: 1 })).toBeVisible();
  const latest = page.getByTestId("sku-history-row").first();
  await expect(latest.locator("td").nth(1)).toHaveText(first![COL.fulfillable]!);
  await expect(page.getByTestId("sku-now")).toContainText(`${first![COL.fulfillable]} fulfillable`);
});

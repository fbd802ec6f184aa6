import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { authorizeStore, newUser, reloadUntil, signIn, signUp } from "./fixtures";

const amazon = "http://127.0.0.1:8310";
const MARKETPLACES: Record<string, string> = { JP: "A1VC38T7YXB528", AU: "A39IBJ37TRP1C6" };
// The Japanese seller's organization that amazon.spec.ts creates in the same run (same run id); when this
// file runs alone, it creates it itself.
const japan = newUser({ email: `japan-${process.env.E2E_RUN_ID}@example.com`, password: `correct-horse-japan-${process.env.E2E_RUN_ID}` });

async function signInAsJapaneseSeller(page: Page) {
  await signIn(page, japan);
  const modules = page.getByRole("navigation", { name: "Modules" });
  await expect(modules.or(page.getByTestId("form-error"))).toBeVisible();
  if (await modules.isVisible()) return;
  await signUp(page, japan, "Second Co");
  await authorizeStore(page, "Sandbox Japan KK");
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/Store authorized/);
}

/** What Amazon's catalog answers for an ASIN in a marketplace (asked directly: the ground truth). */
async function catalogItem(sellerName: string, asin: string, marketplaceId: string) {
  const state = (await (await fetch(`${amazon}/__sandbox/state`)).json()) as { sellers: { sellerId: string; name: string }[] };
  const seller = state.sellers.find((s) => s.name === sellerName)!;
  const token = ((await (await fetch(`${amazon}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId: seller.sellerId }) })).json()) as { access_token: string }).access_token;
  const item = (await (await fetch(`${amazon}/catalog/2022-04-01/items/${asin}?marketplaceIds=${marketplaceId}&includedData=summaries,images,dimensions`, { headers: { "x-amz-access-token": token } })).json()) as {
    summaries: { itemName: string; brand: string }[];
    images: { images: { variant: string; link: string; height: number }[] }[];
    dimensions: { item: Record<"length" | "width" | "height" | "weight", { value: number; unit: string }> }[];
  };
  const orders = (await (await fetch(`${amazon}/__sandbox/truth/orders?sellerId=${seller.sellerId}&marketplaceId=${marketplaceId}&from=${new Date(Date.now() - 400 * 86_400_000).toISOString()}`)).json()) as {
    orders: { items: { sku: string; asin: string }[] }[];
  };
  return { item, orders: orders.orders };
}

test("a product known from the store's orders shows Amazon's title, picture, brand and dimensions, and exports them", async ({ page }) => {
  // The store's first orders arrive within a minute of its authorization; their products are completed
  // through Amazon's catalog as soon as they are in.
  test.setTimeout(300_000);
  await signInAsJapaneseSeller(page);
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Products" }).click();
  await expect(page.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "All products" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Source").selectOption("orders");
  await expect(page).toHaveURL(/source=orders/);

  // A product of the orders whose catalog details are in (its brand shows).
  const headers = async () => (await page.getByTestId("list").locator("thead th").allTextContents()).map((h) => h.replace(/[↑↓]/g, "").trim());
  const column = async (label: string) => (await headers()).indexOf(label);
  await reloadUntil(page, async () => {
    const brand = await column("Brand");
    await expect(page.getByTestId("list-row").first().locator("td").nth(brand)).not.toHaveText("—", { timeout: 1_000 });
  }, 240_000);
  const row = page.getByTestId("list-row").first();
  const cells = (await row.locator("td").allTextContents()).map((c) => c.trim());
  const at = async (label: string) => cells[await column(label)]!;
  for (const r of await page.getByTestId("list-row").all()) await expect(r.locator("td").nth(await column("Known from"))).toContainText("orders");

  const marketplace = cells[0]!;
  const sku = await at("SKU");
  const asin = await at("ASIN");
  const { item, orders } = await catalogItem("Sandbox Japan KK", asin, MARKETPLACES[marketplace]!);
  // It is a product of the seller's orders on Amazon…
  expect(orders.some((o) => o.items.some((i) => i.sku === sku && i.asin === asin))).toBe(true);
  // …shown with Amazon's catalog title, largest main picture, brand, and dimensions in the marketplace's units.
  const main = item.images[0]!.images.filter((i) => i.variant === "MAIN").sort((a, b) => b.height - a.height)[0]!;
  const d = item.dimensions[0]!.item;
  expect({ title: await at("Title"), brand: await at("Brand"), dimensions: await at("Dimensions"), weight: await at("Weight") }).toEqual({
    title: item.summaries[0]!.itemName,
    brand: item.summaries[0]!.brand,
    dimensions: `${d.length.value} × ${d.width.value} × ${d.height.value} ${d.length.unit}`,
    weight: `${d.weight.value} ${d.weight.unit}`,
  });
  expect(d.length.unit).toBe("centimeters");
  await expect(row.locator("img")).toHaveAttribute("src", main.link);
  await expect(row.locator("img")).toHaveAttribute("alt", item.summaries[0]!.itemName);

  // Searched by its SKU in its marketplace (a SKU can sell in several), and exported with its details.
  const scope = await page.getByLabel("Marketplace").locator("option", { hasText: new RegExp(`^${marketplace} `) }).getAttribute("value");
  await page.getByLabel("Marketplace").selectOption(scope!);
  await expect(page).toHaveURL(new RegExp(`scope=${scope}`));
  await page.getByLabel("Search").fill(sku);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(sku)}`));
  await expect(page.getByTestId("list-row")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Marketplace,Image URL,SKU,ASIN,Title,Status,Fulfilled by,Price,Brand,Dimensions,Weight,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${marketplace},${main.link},${sku},${asin},`);
  expect(lines[1]).toContain(`,${item.summaries[0]!.brand},${d.length.value} × ${d.width.value} × ${d.height.value} centimeters,${d.weight.value} kilograms,`);

  // The report's own tab lists the listings as Amazon's report gives them.
  await page.getByRole("link", { name: "All Listings report" }).click();
  await expect(page).toHaveURL(/list=report/);
  await reloadUntil(page, () => expect(page.getByTestId("list-row").first()).toBeVisible({ timeout: 1_000 }), 120_000);
  await expect(page.getByTestId("list").locator("thead")).toContainText("Quantity (FBM)");
});

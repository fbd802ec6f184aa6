import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { authorizeStore, inviteLink, joinWithLink, newUser, reloadUntil, selectAllProfiles, signIn, signUp } from "./fixtures";

test("a new seller authorizes a store and an ads account and sees them listed", async ({ page }) => {
  await signUp(page, newUser(), "Outdoor Brands");
  await authorizeStore(page, "Sandbox Outdoor Co.");
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/Store authorized/);
  const store = page.getByTestId("store");
  await expect(store).toHaveCount(1);
  await expect(store).toContainText("Active");
  const marketplaces = store.getByTestId("marketplaces");
  for (const id of ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8"]) await expect(marketplaces).toContainText(id);
  await expect(marketplaces).toContainText("America/Los_Angeles");

  await page.getByLabel("Authorize advertising region").selectOption("na");
  await page.getByRole("button", { name: "Authorize advertising" }).click();
  await expect(page.getByRole("heading", { name: /Amazon Ads/ })).toBeVisible();
  await page.getByLabel(/Sandbox Outdoor Co\./).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/Amazon Ads authorized: \d+ advertising profile/);

  const profiles = page.getByTestId("ad-profile");
  expect(await profiles.count()).toBeGreaterThan(0);
  await selectAllProfiles(page);
  await page.getByRole("button", { name: "Connect selected profiles" }).click();
  await expect(page.getByTestId("ad-profiles").getByText("Not connected")).toHaveCount(0);
  await expect(profiles.first()).toContainText("Active");
  // Each profile is linked to the store marketplace it advertises in.
  await expect(page.getByTestId("ad-profiles")).toContainText("Seller ");
});

// The same user in every worker of this run (see playwright.config.ts), so a retry can sign in as it.
const japan = newUser({ email: `japan-${process.env.E2E_RUN_ID}@example.com`, password: `correct-horse-japan-${process.env.E2E_RUN_ID}` });

test("cancelling on Amazon, and a seller account another organization holds, are explained", async ({ page }) => {
  await signUp(page, japan, "Second Co");
  await authorizeStore(page, "Sandbox Japan KK", "Cancel");
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/cancelled on Amazon/);
  await expect(page.getByTestId("store")).toHaveCount(0);

  // The first test's organization holds "Sandbox Outdoor Co."
  await authorizeStore(page, "Sandbox Outdoor Co.");
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/already connected to another organization/);
  await expect(page.getByTestId("store")).toHaveCount(0);

  // Another seller account is still free to connect.
  await authorizeStore(page, "Sandbox Japan KK");
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/Store authorized/);
});

test("removal orders arrive after a store authorization; the page filters, sorts and exports what it shows", async ({ page }) => {
  // The store's first syncs ask for some seventy reports; in the browser tests' world (reports ready in 2 s,
  // quotas 60 times Amazon's) its removals arrive 3–5 minutes after the authorization.
  test.setTimeout(480_000);
  // The organization of the test above holds "Sandbox Japan KK": sign in as a member of it.
  await signIn(page, japan);
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Removals" }).click();
  await expect(page.getByRole("heading", { name: "Removals", level: 1 })).toBeVisible();
  await page.getByLabel("Date range").selectOption("12m");
  await expect(page).toHaveURL(/range=12m/);
  // The 12-month backfill runs right after the authorization; until then the page says what it waits for.
  await reloadUntil(page, () => expect(page.getByTestId("list-row").first()).toBeVisible({ timeout: 1_000 }), 390_000);
  const total = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);
  await expect(page.getByTestId("list-total").first()).toContainText("Total");

  // Sort by requested quantity, largest first: the column says so and the rows follow.
  // (Each click changes the URL; the second is meant for the page the first one made.)
  await page.getByRole("button", { name: /^Requested/ }).last().click();
  await expect(page).toHaveURL(/sort=requestedQuantity&dir=asc/);
  await page.getByRole("button", { name: /^Requested/ }).last().click();
  await expect(page).toHaveURL(/sort=requestedQuantity&dir=desc/);
  const column = await page.getByTestId("list-row").evaluateAll((rows) => rows.map((r) => Number(r.children[8]!.textContent!.replace(/\D/g, ""))));
  expect(column).toEqual([...column].sort((a, b) => b - a));

  // Search one removal order by its id.
  const orderId = (await page.getByTestId("list-row").first().locator("td").nth(2).textContent())!.trim();
  await page.getByLabel("Search").fill(orderId);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${orderId}`));
  await expect(page.getByTestId("list-row").first()).toContainText(orderId);
  const found = await page.getByTestId("list-row").count();

  // The export holds exactly what the filters select.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await (await download).path();
  const lines = (await readFile(file, "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Marketplace,Requested \(local\),Removal order,/);
  expect(lines.slice(1)).toHaveLength(found);
  for (const line of lines.slice(1)) expect(line).toContain(orderId);
});

test("the same store's reimbursements: filtered by store account, sorted, searched and exported, with totals per currency", async ({ page }) => {
  // The store's backfills ran during the test above (all of them are done within about five minutes).
  test.setTimeout(300_000);
  await signIn(page, japan);
  // The sandbox's Japanese seller had a few units lost or damaged in Amazon's warehouses in its 18 months
  // (rows equal to Amazon's report are checked in server/sync/tasks/reimbursements).
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Reimbursements" }).click();
  await expect(page.getByRole("heading", { name: "Reimbursements", level: 1 })).toBeVisible();
  await page.getByLabel("Date range").selectOption("18m");
  await expect(page).toHaveURL(/range=18m/);
  await reloadUntil(page, () => expect(page.getByTestId("list-row").first()).toBeVisible({ timeout: 1_000 }), 240_000);
  // Amazon's rows name no marketplace: the page filters by store account.
  // (The organization holds one store; the first option is "All stores".)
  const store = await page.getByLabel("Store").locator("option").nth(1).getAttribute("value");
  await page.getByLabel("Store").selectOption(store!);
  await expect(page).toHaveURL(new RegExp(`scope=${store}`));
  await expect(page.getByTestId("list-row").first()).toBeVisible();
  const total = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);
  // Totals per currency: the seller's marketplaces are JP and AU (which of them had some depends on the day).
  await expect(page.getByTestId("list-total").first()).toBeVisible();
  for (const line of await page.getByTestId("list-total").allTextContents()) expect(line).toMatch(/^Total \((JPY|AUD)\)/);

  // Largest amount first: the column says so and the rows follow.
  await page.getByRole("button", { name: /^Amount/ }).last().click();
  await expect(page).toHaveURL(/sort=amountTotal&dir=asc/);
  await page.getByRole("button", { name: /^Amount/ }).last().click();
  await expect(page).toHaveURL(/sort=amountTotal&dir=desc/);
  // (Amounts of either currency, compared by value as the database sorts them: "A$292.57" is 292.57, "¥1,234" 1234.)
  const amounts = await page.getByTestId("list-row").evaluateAll((rows) => rows.map((r) => Number(r.children[12]!.textContent!.replace(/[^\d.-]/g, ""))));
  expect(amounts.length).toBeGreaterThan(0);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

  // One reimbursement by its id, and an export of exactly what the page selects.
  const id = (await page.getByTestId("list-row").first().locator("td").nth(2).textContent())!.trim();
  await page.getByLabel("Search").fill(id);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${id}`));
  await expect(page.getByTestId("list-row")).toHaveCount(1);
  await expect(page.getByTestId("list-row").first()).toContainText(id);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Store,Approved \(local\),Reimbursement,Case,Order,Reason,SKU,ASIN,/);
  expect(lines.slice(1)).toHaveLength(1);
  expect(lines[1]).toContain(`,${id},`);
  expect(lines[1]).toMatch(/,(JPY|AUD)$/);
});

test("the same store's monthly and long-term storage fees: per marketplace, sorted by fee, searched and exported, with totals", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, japan);
  // Monthly storage fees (the page opens on the last 12 months): the JP marketplace's rows are all in yen.
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Storage fees" }).click();
  await expect(page.getByRole("link", { name: "Monthly storage fees" })).toHaveAttribute("aria-current", "page");
  await reloadUntil(page, () => expect(page.getByTestId("list-row").first()).toBeVisible({ timeout: 1_000 }), 120_000);
  const jp = await page.getByLabel("Marketplace").locator("option", { hasText: "JP" }).getAttribute("value");
  await page.getByLabel("Marketplace").selectOption(jp!);
  await expect(page).toHaveURL(new RegExp(`scope=${jp}`));
  await expect(page.getByTestId("list-total")).toHaveCount(1);
  await expect(page.getByTestId("list-total")).toContainText("¥");
  await expect(page.getByTestId("list-row").first()).toContainText("JP");

  // Largest estimated fee first (the marketplace column, then the fee's, the page's twelfth).
  await page.getByRole("button", { name: /^Estimated fee/ }).last().click();
  await expect(page).toHaveURL(/sort=estimatedMonthlyStorageFee&dir=asc/);
  await page.getByRole("button", { name: /^Estimated fee/ }).last().click();
  await expect(page).toHaveURL(/sort=estimatedMonthlyStorageFee&dir=desc/);
  const fees = await page.getByTestId("list-row").evaluateAll((rows) => rows.map((r) => Number(r.children[11]!.textContent!.replace(/[^\d.-]/g, ""))));
  expect(fees.length).toBeGreaterThan(0);
  expect(fees).toEqual([...fees].sort((a, b) => b - a));

  // One product's lines, and an export of exactly them.
  const asin = (await page.getByTestId("list-row").first().locator("td").nth(2).textContent())!.trim();
  await page.getByLabel("Search").fill(asin);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${asin}`));
  await expect(page.getByTestId("list-row").first()).toContainText(asin);
  const found = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
  let download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  let lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Marketplace,Month,ASIN,FNSKU,Product,Fulfillment center,/);
  expect(lines.slice(1)).toHaveLength(found);
  for (const line of lines.slice(1)) expect(line).toContain(`,${asin},`);

  // Long-term storage fees beside them, for the same marketplace: largest amount first, then exported.
  await page.getByRole("link", { name: "Long-term storage fees" }).click();
  await expect(page).toHaveURL(/list=long-term/);
  await expect(page.getByRole("link", { name: "Long-term storage fees" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Marketplace").selectOption(jp!);
  await expect(page).toHaveURL(new RegExp(`scope=${jp}`));
  await expect(page.getByTestId("list-row").first()).toBeVisible();
  await page.getByRole("button", { name: /^Amount/ }).last().click();
  await expect(page).toHaveURL(/sort=amountCharged&dir=asc/);
  await page.getByRole("button", { name: /^Amount/ }).last().click();
  await expect(page).toHaveURL(/sort=amountCharged&dir=desc/);
  const amounts = await page.getByTestId("list-row").evaluateAll((rows) => rows.map((r) => Number(r.children[9]!.textContent!.replace(/[^\d.-]/g, ""))));
  expect(amounts.length).toBeGreaterThan(0);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  // Amazon charges for aged units; a charge is never negative.
  for (const amount of amounts) expect(amount).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId("list-total")).toHaveCount(1);
  await expect(page.getByTestId("list-total")).toContainText("¥");
  const longTerm = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
  download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Marketplace,Snapshot,SKU,ASIN,Product,Age \(days\),Units charged,/);
  expect(lines.slice(1)).toHaveLength(longTerm);
  for (const line of lines.slice(1)) expect(line).toMatch(/^JP,/);
});


test("the All Sites Sales Summary: Amazon's figures beside the store's orders, tied out, in a base currency, refreshed on demand", async ({ page, browser }) => {
  test.setTimeout(360_000);
  await signIn(page, japan);
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "All Sites Sales Summary" }).click();
  await expect(page.getByRole("heading", { name: "All Sites Sales Summary", level: 1 })).toBeVisible();
  await reloadUntil(page, () => expect(page.getByTestId("summary-row").first()).toBeVisible({ timeout: 1_000 }), 120_000);
  // The last 30 local days of both marketplaces of the store (JP and AU), a total per currency, a chart.
  await expect(page.getByTestId("summary-count")).toContainText("60 marketplace days");
  const totals = await page.getByTestId("summary-currency-total").allTextContents();
  expect(totals.map((line) => line.match(/^Total \((JPY|AUD)\)/)?.[1]).sort()).toEqual(["AUD", "JPY"]);
  await expect(page.getByTestId("summary-chart").locator(".recharts-line")).toHaveCount(2);
  await expect(page.getByTestId("summary-total-base")).toContainText("$");

  // Ten days ago in Japan, as the sandbox Amazon holds it: its Sales API figures, its orders, the ECB's rates.
  const day = new Date(Date.now() + 9 * 3_600_000 - 10 * 86_400_000).toISOString().slice(0, 10);
  const amazon = "http://127.0.0.1:8310";
  const state = (await (await fetch(`${amazon}/__sandbox/state`)).json()) as { sellers: { sellerId: string; name: string }[] };
  const seller = state.sellers.find((s) => s.name === "Sandbox Japan KK")!;
  const token = ((await (await fetch(`${amazon}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId: seller.sellerId }) })).json()) as { access_token: string }).access_token;
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const interval = `${day}T00:00:00+09:00--${next}T00:00:00+09:00`;
  const query = new URLSearchParams({ marketplaceIds: "A1VC38T7YXB528", interval, granularity: "Day", granularityTimeZone: "Asia/Tokyo" });
  const figures = (await (await fetch(`${amazon}/sales/v1/orderMetrics?${query}`, { headers: { "x-amz-access-token": token } })).json()) as { payload: { orderCount: number; unitCount: number; totalSales: { amount: string } }[] };
  const truth = figures.payload[0]!;
  const held = (await (await fetch(`${amazon}/__sandbox/truth/orders?${new URLSearchParams({ sellerId: seller.sellerId, marketplaceId: "A1VC38T7YXB528", from: `${day}T00:00:00+09:00`, to: `${next}T00:00:00+09:00` })}`)).json()) as { orders: { OrderStatus: string }[] };
  const notCancelled = held.orders.filter((o) => o.OrderStatus !== "Canceled").length;
  expect(notCancelled).toBe(truth.orderCount);
  const ecb = await (await fetch(`${amazon}/stats/eurofxref/eurofxref-hist-90d.xml`)).text();
  const rate = (currency: string) => {
    // The last rate the ECB published on or before the day (the feed lists the newest day first).
    for (const [, time, cubes] of ecb.matchAll(/<Cube time='([\d-]+)'>([\s\S]*?)<\/Cube>/g))
      if (time! <= day) return Number(new RegExp(`currency='${currency}' rate='([\\d.]+)'`).exec(cubes!)![1]);
    throw new Error(`no ${currency} rate before ${day}`);
  };
  const inDollars = (Number(truth.totalSales.amount) / rate("JPY")) * rate("USD");

  const jp = await page.getByLabel("Marketplace").locator("option", { hasText: "JP" }).getAttribute("value");
  await page.getByLabel("Marketplace").selectOption(jp!);
  await expect(page).toHaveURL(new RegExp(`scope=${jp}`));
  const row = page.getByTestId("summary-row").filter({ hasText: day });
  // Our side of the day arrives with the historical orders; once it has, the day ties out.
  await reloadUntil(page, () => expect(row).toHaveAttribute("data-tie-out", "matches", { timeout: 1_000 }), 240_000);
  const cells = await row.evaluate((tr) => [...tr.children].map((td) => td.textContent!.trim()));
  expect(cells.slice(0, 6)).toEqual(["JP", day, String(truth.orderCount), String(notCancelled), String(truth.unitCount), String(truth.unitCount)]);
  expect(Number(cells[6]!.replace(/[^\d.]/g, ""))).toBe(Number(truth.totalSales.amount));
  expect(Math.abs(Number(cells[9]!.replace(/[^\d.]/g, "")) - inDollars)).toBeLessThanOrEqual(0.005);
  await expect(row.getByTestId("tie-out")).toHaveText("Matches");

  // The export: exactly the marketplace's 30 days, the day with Amazon's figures and ours.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Marketplace,Day,Currency,Amazon orders,Your orders,Order gap,/);
  expect(lines.slice(1)).toHaveLength(30);
  expect(lines.find((l) => l.startsWith(`JP,${day},JPY,`))).toContain(`,${truth.orderCount},${notCancelled},0,${truth.unitCount},${truth.unitCount},0,`);

  // The refresh icon fetches the last 3 days at once, and the page says so.
  await page.getByTestId("refresh-recent").click();
  await expect(page.getByTestId("refresh-status")).toHaveText("Refreshing the last 3 days from Amazon…");
  await expect(page.getByTestId("refresh-status")).toHaveText("", { timeout: 60_000 });
  await expect(page.getByTestId("freshness-row").filter({ hasText: "JP" }).locator("td").nth(2)).toContainText(/just now|1 minute ago/);

  // In euros, once the organization's base currency is the euro.
  await page.goto("/settings/organization");
  await page.getByLabel("Base currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.goto("/sales-summary");
  await expect(page.getByText("Amazon's sales (EUR)")).toBeVisible();
  await expect(page.getByTestId("summary-total-base")).toContainText("€");

  // A viewer sees the figures and the icon, but cannot click it; the server refuses the call itself.
  const link = await inviteLink(page, "Viewer");
  const viewer = await joinWithLink(browser, link, newUser());
  await viewer.page.goto("/sales-summary");
  await expect(viewer.page.getByTestId("summary-row").first()).toBeVisible();
  await expect(viewer.page.getByTestId("refresh-recent")).toBeDisabled();
  await expect(viewer.page.getByTestId("refresh-status")).toContainText("an operator, admin or owner can refresh them");
  const refused = await viewer.page.request.post("/api/trpc/salesSummary.refresh", { data: { json: null }, headers: { "content-type": "application/json" } });
  expect(refused.status()).toBe(403);
  await viewer.context.close();
});

test("the same store's listings and order history: filters, search and an export of what the page shows", async ({ page }) => {
  // The full catalog is asked for at once on authorization; the order history within the store's backfills.
  test.setTimeout(300_000);
  await signIn(page, japan);
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Products" }).click();
  await expect(page.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();
  // A snapshot: no date range to choose.
  await expect(page.getByLabel("Date range")).toHaveCount(0);
  await reloadUntil(page, () => expect(page.getByTestId("list-row").first()).toBeVisible({ timeout: 1_000 }), 120_000);
  const all = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
  expect(all).toBeGreaterThan(0);

  // Sorted by SKU: the column says so and the rows follow (in code-point order, as the database sorts ids).
  await page.getByRole("button", { name: /^SKU/ }).click();
  await expect(page).toHaveURL(/sort=sku&dir=asc/);
  const skus = await page.getByTestId("list-row").evaluateAll((trs) => trs.map((tr) => tr.children[2]!.textContent!.trim()));
  expect(skus).toEqual([...skus].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

  // The rarest status on the page (the sandbox's Japanese seller has one incomplete listing in AU), with its
  // fulfillment: every row the two filters leave says so.
  const before = await page.getByTestId("list-row").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
  const counts = new Map<string, number>();
  for (const r of before) counts.set(r[5]!, (counts.get(r[5]!) ?? 0) + 1);
  const status = [...counts].sort((a, b) => a[1] - b[1])[0]![0];
  const fulfilledBy = before.find((r) => r[5] === status)![6]!;
  await page.getByLabel("Status").selectOption(status);
  await expect(page).toHaveURL(new RegExp(`status=${status}`));
  await page.getByLabel("Fulfillment").selectOption(fulfilledBy);
  await expect(page).toHaveURL(new RegExp(`fulfillment=${fulfilledBy}`));
  await expect(page.getByTestId("list-row").first()).toBeVisible();
  const rows = await page.getByTestId("list-row").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
  const filtered = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
  expect(counts.size).toBeGreaterThan(1);
  expect(filtered).toBeLessThan(all);
  for (const r of rows) expect([r[5], r[6]]).toEqual([status, fulfilledBy]);

  // The export holds exactly the filtered listings.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Marketplace,Image URL,SKU,ASIN,Title,Status,Fulfilled by,/);
  expect(lines.slice(1)).toHaveLength(filtered);
  for (const line of lines.slice(1)) expect(line).toContain(`,${status},${fulfilledBy},`);

  // One listing by its SKU.
  const sku = rows[0]![2]!;
  await page.getByLabel("Search").fill(sku);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(sku)}`));
  await expect(page.getByTestId("list-row").first()).toContainText(sku);

  // Orders: the year before yesterday is loaded, and the page says so; the last 12 months hold those orders.
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Orders" }).click();
  await page.getByLabel("Date range").selectOption("365d");
  await expect(page).toHaveURL(/range=365d/);
  await reloadUntil(page, () => expect(page.getByTestId("order-history")).toContainText("the year before yesterday is loaded", { timeout: 1_000 }), 240_000);
  const count = Number((await page.getByTestId("orders-summary").locator("span").first().textContent())!.replace(/\D/g, ""));
  expect(count).toBeGreaterThan(100);
});

import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { authorizeFreeSeller, disconnectKeepingData, newUser, reloadUntil, signUp } from "./fixtures";

/*
 * The Refunds page after a store authorization: the year's refunds of the synced orders arrive, the page
 * filters by marketplace, reason and return status, sorts, searches and exports what it shows, and one
 * refund's figures equal what Amazon's Finances holds (the sandbox Amazon's truth). The store is
 * disconnected at the end, keeping its data, so a later test can connect the same seller account.
 */

const AMAZON = "http://127.0.0.1:8310";
const cellsOf = (page: Page) => page.getByTestId("list-row").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
/** "-$12.99", "€3.00", "¥1,234" → the number it shows. */
const amount = (text: string) => Number(text.replace(/[^\d.-]/g, ""));
// Columns: marketplace, refunded, order, SKU, ASIN, product, units, reason, return status, principal, tax,
// shipping, shipping tax, promotion, other charges, commission returned, refund commission, other fees,
// facilitator tax, refund amount, refund fees, payable.
const COL = { marketplace: 0, order: 2, sku: 3, reason: 7, status: 8, principal: 9, tax: 10, commission: 15, refundCommission: 16, refundAmount: 19, refundFees: 20, payable: 21 };

test("refunds arrive after a store authorization; the page filters, sorts, searches and exports them, equal to Amazon's", async ({ page }) => {
  // The year's orders and refunds load within minutes in the browser tests' world (reports in 2 s, quotas 60×).
  test.setTimeout(600_000);
  await signUp(page, newUser(), "Refund Co");
  const seller = await authorizeFreeSeller(page);
  try {
    // A refund shows once its order is synced: the year of orders first (the Orders page says when it is).
    await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Orders" }).click();
    await page.getByLabel("Date range").selectOption("365d");
    await reloadUntil(page, () => expect(page.getByTestId("order-history")).toContainText("the year before yesterday is loaded", { timeout: 1_000 }), 420_000);

    await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Refunds" }).click();
    await expect(page.getByRole("heading", { name: "Refunds", level: 1 })).toBeVisible();
    await expect(page.getByText(/Payable is what the refund costs you in all/)).toBeVisible();
    await page.getByLabel("Date range").selectOption("12m");
    await expect(page).toHaveURL(/range=12m/);
    // The refunds, then their reasons: the FBA returns reports are asked for once the refunds are listed.
    await reloadUntil(page, () => expect(page.getByLabel("Reason").locator("option").nth(1)).toBeAttached({ timeout: 1_000 }), 240_000);
    const total = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
    expect(total).toBeGreaterThan(0);
    await expect(page.getByTestId("list-total").first()).toContainText("Total");

    // Most costly first: payable is negative, so ascending puts the largest refund on top.
    await page.getByRole("button", { name: /^Payable/ }).click();
    await expect(page).toHaveURL(/sort=payable&dir=asc/);
    await expect(page.getByRole("button", { name: /^Payable ↑/ })).toBeVisible();
    const payables = (await cellsOf(page)).map((r) => amount(r[COL.payable]!));
    expect(payables.every((p) => p <= 0)).toBe(true);
    expect(payables).toEqual([...payables].sort((a, b) => a - b));

    // One marketplace: every row is of it.
    const option = page.getByLabel("Marketplace").locator("option").nth(1);
    const [marketplace, code] = [await option.getAttribute("value"), (await option.textContent())!.slice(0, 2)];
    await page.getByLabel("Marketplace").selectOption(marketplace!);
    await expect(page).toHaveURL(new RegExp(`scope=${marketplace}`));
    for (const r of await cellsOf(page)) expect(r[COL.marketplace]).toBe(code);
    await page.getByLabel("Marketplace").selectOption("");
    await expect(page).not.toHaveURL(/scope=/);

    // A return reason the seller's FBA refunds have, then a return status: every row the filters leave says so.
    const reasons = (await page.getByLabel("Reason").locator("option").allTextContents()).slice(1);
    await page.getByLabel("Reason").selectOption(reasons[0]!);
    await expect(page).toHaveURL(new RegExp(`reason=${reasons[0]}`));
    await expect(page.getByTestId("list-row").first()).toBeVisible();
    const byReason = await cellsOf(page);
    for (const r of byReason) expect(r[COL.reason]).toBe(reasons[0]);
    const status = byReason[0]![COL.status]!;
    await page.getByLabel("Return status").selectOption(status);
    await expect(page).toHaveURL(new RegExp(`status=${encodeURIComponent(status).replace(/%20/g, "(%20|\\+)")}`));
    for (const r of await cellsOf(page)) expect([r[COL.reason], r[COL.status]]).toEqual([reasons[0], status]);
    const filtered = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThanOrEqual(total);

    // The export holds exactly the filtered refunds.
    let download = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    let lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Marketplace,Refunded (local),Order,SKU,ASIN,Product,Units,Reason,Return status,Principal,Tax,Shipping,Shipping tax,Promotion,Other charges,Commission returned,Refund commission,Other fees,Facilitator tax,Refund amount,Refund fees,Payable,Currency",
    );
    expect(lines.slice(1)).toHaveLength(filtered);
    for (const line of lines.slice(1)) expect(line).toContain(`,${reasons[0]},${status},`);

    // One refund by its order id, equal to what Amazon's Finances holds for it.
    const row = (await cellsOf(page))[0]!;
    const orderId = row[COL.order]!;
    // (Each choice changes the URL; the next is meant for the page the last one made.)
    await page.getByLabel("Reason").selectOption("");
    await expect(page).not.toHaveURL(/reason=/);
    await page.getByLabel("Return status").selectOption("");
    await expect(page).not.toHaveURL(/status=/);
    await page.getByLabel("Search").fill(orderId);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${orderId}`));
    await expect(page.getByTestId("list-row")).toHaveCount(1);
    const shown = (await cellsOf(page))[0]!;
    expect([shown[COL.order], shown[COL.sku]]).toEqual([orderId, row[COL.sku]]);

    const state = (await (await fetch(`${AMAZON}/__sandbox/state`)).json()) as { sellers: { sellerId: string; name: string }[] };
    const sellerId = state.sellers.find((s) => s.name === seller)!.sellerId;
    const from = new Date(Date.now() - 420 * 86_400_000).toISOString();
    type Line = { type: string; amount: string };
    type TruthOrder = { AmazonOrderId: string; financialEvents: { kind: string; items: { sku: string; charges: Line[]; fees: Line[]; promotions: Line[] }[] }[] };
    const truth = ((await (await fetch(`${AMAZON}/__sandbox/truth/orders?sellerId=${sellerId}&from=${from}`)).json()) as { orders: TruthOrder[] }).orders;
    const refund = truth.find((o) => o.AmazonOrderId === orderId)!.financialEvents.find((e) => e.kind === "Refund")!.items[0]!;
    const of = (lines: Line[], type: string) => lines.filter((l) => l.type === type).reduce((a, l) => a + Math.round(Number(l.amount) * 100), 0);
    const cents = (text: string) => Math.round(amount(text) * 100);
    const all = [...refund.charges, ...refund.fees, ...refund.promotions].reduce((a, l) => a + Math.round(Number(l.amount) * 100), 0);
    expect({
      principal: cents(shown[COL.principal]!),
      tax: cents(shown[COL.tax]!),
      commission: cents(shown[COL.commission]!),
      refundCommission: cents(shown[COL.refundCommission]!),
      payable: cents(shown[COL.payable]!),
    }).toEqual({
      principal: of(refund.charges, "Principal"),
      tax: of(refund.charges, "Tax"),
      commission: of(refund.fees, "Commission"),
      refundCommission: of(refund.fees, "RefundCommission"),
      payable: all,
    });
    expect(cents(shown[COL.refundAmount]!) + cents(shown[COL.refundFees]!)).toBe(cents(shown[COL.payable]!));

    download = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    lines = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toContain(`,${orderId},`);
  } finally {
    await disconnectKeepingData(page);
  }
});

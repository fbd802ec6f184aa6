import { expect, test } from "@playwright/test";
import { authorizeFreeSeller, disconnectKeepingData, newUser, reloadUntil, signUp } from "./fixtures";

/*
 * Product costs after a store authorization: once the store's products arrive, a seller sets a SKU's cost in
 * its row, uploads a CSV with one bad row (refused whole: the row's line and problem shown, nothing
 * imported), fixes it and uploads again (imported), and sees the costs in the list and on the SKU's page.
 * The store is disconnected at the end, keeping its data, so a later test can connect the same account.
 */

const HEADER = "sku,valid_from,currency,purchase_cost,inbound_shipping_cost,other_cost,note";
/** A SKU as a CSV cell: quoted, so one with a comma or a quote stays one cell. */
const cell = (sku: string) => `"${sku.replaceAll('"', '""')}"`;

test("a seller sets a cost inline, has a CSV with a bad row refused whole, fixes it and imports it", async ({ page }) => {
  test.setTimeout(480_000);
  await signUp(page, newUser(), "Costs Co");
  await authorizeFreeSeller(page);
  try {
    await page.goto("/products");
    await page.getByRole("link", { name: "Product costs" }).click();
    await expect(page.getByRole("heading", { name: "Product costs", level: 1 })).toBeVisible();
    // The store's products arrive with its first syncs (the All Listings report, orders and ads).
    await reloadUntil(page, () => expect(page.getByTestId("cost-row").nth(2)).toBeVisible({ timeout: 1_000 }), 360_000);
    const rows = page.getByTestId("cost-row");
    const skus = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-sku")!));
    const [first, second, third] = skus as [string, string, string];
    await expect(page.getByTestId("missing-count")).toBeVisible();

    // Inline: the first SKU's cost from 2025-01-01.
    const row = page.locator(`[data-testid="cost-row"][data-sku="${first}"]`);
    await expect(row.getByTestId("missing-cost")).toBeVisible();
    await row.getByRole("button", { name: "Set cost" }).click();
    const form = page.getByTestId("inline-edit");
    await form.getByLabel("Valid from").fill("2025-01-01");
    await form.getByLabel("Purchase").fill("4.20");
    await form.getByLabel("Inbound shipping").fill("0.8");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(row.getByTestId("cost-total")).toHaveText(/5\.00/);
    await expect(row.getByTestId("missing-cost")).toHaveCount(0);
    const missingAfterInline = (await page.getByTestId("missing-count").textContent())!;

    // A file with a bad row: nothing of it is imported, the row's line, column and problem are shown.
    await page.getByRole("button", { name: "Upload CSV" }).click();
    await expect(page.getByTestId("download-template")).toHaveAttribute("href", /\/api\/export\/product-costs\/template\?store=/);
    const upload = async (name: string, text: string) => {
      await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
      await page.getByRole("button", { name: "Import" }).click();
    };
    const good = `${cell(second)},2025-01-01,,3.10,0.40,0.05,supplier A`;
    await upload("costs.csv", [HEADER, good, `${cell(third)},2025-01-01,,12;50,,,`].join("\n"));
    const result = page.getByTestId("import-result");
    await expect(result).toHaveAttribute("data-status", "refused");
    await expect(result).toContainText("Nothing was imported");
    const problem = page.getByTestId("import-problem");
    await expect(problem).toHaveCount(1);
    await expect(problem.locator("td").nth(0)).toHaveText("3");
    await expect(problem.locator("td").nth(1)).toHaveText("purchase_cost");
    await expect(problem.locator("td").nth(2)).toContainText('"12;50" is not a number');
    await page.reload();
    await expect(page.locator(`[data-testid="cost-row"][data-sku="${second}"]`).getByTestId("missing-cost")).toBeVisible();
    await expect(page.getByTestId("missing-count")).toHaveText(missingAfterInline);

    // Fixed, the same file imports whole.
    await page.getByRole("button", { name: "Upload CSV" }).click();
    await upload("costs.csv", [HEADER, good, `${cell(third)},2025-01-01,,12.50,,,`].join("\n"));
    await expect(result).toHaveAttribute("data-status", "imported");
    await expect(result).toContainText("2 rows imported");
    await expect(page.locator(`[data-testid="cost-row"][data-sku="${second}"]`).getByTestId("cost-total")).toHaveText(/3\.55/);
    await expect(page.locator(`[data-testid="cost-row"][data-sku="${third}"]`).getByTestId("cost-total")).toHaveText(/12\.50/);

    // The SKU's own page lists its period.
    await page.locator(`[data-testid="cost-row"][data-sku="${second}"]`).getByTestId("cost-sku").click();
    await expect(page.getByRole("heading", { name: `Costs of ${second}` })).toBeVisible();
    await expect(page.getByTestId("cost-period")).toHaveCount(1);
    await expect(page.getByTestId("cost-period")).toContainText("2025-01-01");
    await expect(page.getByTestId("cost-period")).toContainText("supplier A");
  } finally {
    await disconnectKeepingData(page);
  }
});

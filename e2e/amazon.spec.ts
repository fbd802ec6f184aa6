import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { authorizeStore, newUser, signIn, signUp } from "./fixtures";

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
  await page.getByRole("button", { name: "Select all" }).click();
  await page.getByRole("button", { name: "Connect selected profiles" }).click();
  await expect(page.getByTestId("ad-profiles").getByText("Not connected")).toHaveCount(0);
  await expect(profiles.first()).toContainText("Active");
  // Each profile is linked to the store marketplace it advertises in.
  await expect(page.getByTestId("ad-profiles")).toContainText("Seller ");
});

const japan = newUser();

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
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("list-row").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 390_000, intervals: [3_000] });
  const total = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);
  await expect(page.getByTestId("list-total").first()).toContainText("Total");

  // Sort by requested quantity, largest first: the column says so and the rows follow.
  await page.getByRole("button", { name: /^Requested/ }).last().click();
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

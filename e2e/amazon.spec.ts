import { expect, test } from "@playwright/test";
import { authorizeStore, newUser, signUp } from "./fixtures";

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

test("cancelling on Amazon, and a seller account another organization holds, are explained", async ({ page }) => {
  await signUp(page, newUser(), "Second Co");
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

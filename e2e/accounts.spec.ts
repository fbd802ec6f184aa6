import { expect, test } from "@playwright/test";
import { newUser, signIn, signUp } from "./fixtures";

test("a new seller signs up and lands in the app shell of their organization", async ({ page }) => {
  const user = newUser();
  await signUp(page, user, "Acme Trading");

  await expect(page).toHaveURL(/\/sales-summary$/);
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
  await expect(page.getByLabel("Organization")).toHaveValue(/.+/);
  await expect(page.getByLabel("Organization").locator("option:checked")).toHaveText("Acme Trading");
  await expect(page.getByTestId("current-role")).toHaveText("Owner");
  const nav = page.getByRole("navigation", { name: "Modules" });
  for (const name of ["All Sites Sales Summary", "Profit", "Orders", "Products", "Inventory", "Advertising", "Storage fees", "Reimbursements", "Claims", "Removals", "Sync center", "Amazon authorizations", "Team"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  // No store yet: the module says so instead of showing numbers.
  await expect(page.getByTestId("empty-state")).toContainText("No store authorized");
  await nav.getByRole("link", { name: "Orders", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await expect(page.getByTestId("empty-state")).toBeVisible();
});

test("a taken email and a weak password are refused with clear messages", async ({ page }) => {
  const user = newUser();
  await signUp(page, user);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Work email").fill(user.email.toUpperCase());
  await page.getByLabel("Password").fill("another-good-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(/already exists/);

  await page.getByLabel("Work email").fill(newUser().email);
  await page.getByLabel("Password").fill("short1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(/too weak/);
});

test("sign out, sign back in, and a wrong password is refused", async ({ page }) => {
  const user = newUser();
  await signUp(page, user);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Signed out: the app redirects to sign-in.
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, { email: user.email, password: "not-the-password-9" });
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, user);
  await expect(page).toHaveURL(/\/sales-summary$/);
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
});

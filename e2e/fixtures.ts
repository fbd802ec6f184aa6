import { expect, type Browser, type Page } from "@playwright/test";

let counter = 0;

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** A new, unique user for one test (tests never share accounts). */
export function newUser(overrides: Partial<TestUser> = {}): TestUser {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return { name: `Seller ${id}`, email: `seller-${id}@example.com`, password: `correct-horse-${id}`, ...overrides };
}

/** Fills and sends the sign-up form; `navigate: false` uses the form already on screen (e.g. from an invitation). */
export async function submitSignUp(page: Page, user: TestUser, options: { company?: string; navigate?: boolean } = {}) {
  const { company, navigate = true } = options;
  if (navigate) await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(user.name);
  if (company) await page.getByLabel("Company").fill(company);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signUp(page: Page, user: TestUser, company?: string) {
  await submitSignUp(page, user, { company });
  await expect(page.getByRole("navigation", { name: "Modules" })).toBeVisible();
}

export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Goes through the sandbox's Seller Central consent page for one sandbox seller. */
export async function authorizeStore(page: Page, seller: string, action: "Confirm" | "Cancel" = "Confirm") {
  await page.goto("/settings/amazon");
  await page.getByLabel("Authorize store region").selectOption("na");
  await page.getByRole("button", { name: "Authorize store" }).click();
  await expect(page.getByRole("heading", { name: /Authorize/ })).toBeVisible();
  await page.getByLabel(new RegExp(seller)).check();
  await page.getByRole("button", { name: action }).click();
  await expect(page).toHaveURL(/\/settings\/amazon\?/);
}

/** Goes through the sandbox's Login with Amazon consent for Ads, then connects every profile found. */
export async function authorizeAdvertising(page: Page, seller: string) {
  await page.goto("/settings/amazon");
  await page.getByLabel("Authorize advertising region").selectOption("na");
  await page.getByRole("button", { name: "Authorize advertising" }).click();
  await expect(page.getByRole("heading", { name: /Amazon Ads/ })).toBeVisible();
  await page.getByLabel(new RegExp(seller)).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByTestId("authorization-outcome")).toHaveText(/Amazon Ads authorized: \d+ advertising profile/);
  await selectAllProfiles(page);
  await page.getByRole("button", { name: "Connect selected profiles" }).click();
  await expect(page.getByTestId("ad-profiles").getByText("Not connected")).toHaveCount(0);
}

/**
 * Ticks every ad profile with the page's "Select all". On a busy machine the click can land before the page
 * is hydrated and do nothing, so it is repeated until the connect button is enabled.
 */
export async function selectAllProfiles(page: Page) {
  await expect(async () => {
    await page.getByRole("button", { name: "Select all" }).click();
    await expect(page.getByRole("button", { name: "Connect selected profiles" })).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/** Reloads the page until `check` holds: for data a background sync brings while the test waits. */
export async function reloadUntil(page: Page, check: () => Promise<void>, timeout: number) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [3_000] });
}

/** Creates an invitation link for a role on the team page (as an owner or admin). */
export async function inviteLink(page: Page, role: string, email = "") {
  await page.goto("/settings/team");
  if (email) await page.getByLabel("Email (optional)").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Create invitation link" }).click();
  return page.getByTestId("invitation-link").inputValue();
}

/** A new user who signs up through an invitation link and accepts it, in a browser context of their own. */
export async function joinWithLink(browser: Browser, link: string, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await submitSignUp(page, user, { navigate: false });
  // Sign-up returns to the invitation, now signed in.
  await expect(page).toHaveURL(/\/invite\//);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/sales-summary$/);
  return { context, page };
}

// A seller account at a time belongs to one organization: the first the browser tests have left free.
const SELLERS = ["Sandbox Home Europe GmbH", "Sandbox Outdoor Co.", "Sandbox Japan KK"];

/** Authorizes the first seller account no other organization holds; returns its name. */
export async function authorizeFreeSeller(page: Page): Promise<string> {
  for (const seller of SELLERS) {
    await authorizeStore(page, seller);
    const outcome = page.getByTestId("authorization-outcome");
    await expect(outcome).toHaveText(/Store authorized|already connected to another organization/);
    if (/Store authorized/.test((await outcome.textContent()) ?? "")) return seller;
  }
  throw new Error("Every sandbox seller account is connected to another organization.");
}

/** Disconnects the organization's store, keeping its data: the seller account is free for a later test. */
export async function disconnectKeepingData(page: Page) {
  await page.goto("/settings/amazon");
  await page.getByTestId("store").getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("button", { name: "Disconnect, keep data" }).click();
  await expect(page.getByTestId("store")).toContainText("Disconnected");
}

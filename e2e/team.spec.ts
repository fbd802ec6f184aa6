import { expect, test } from "@playwright/test";
import { inviteLink, joinWithLink, newUser, signUp } from "./fixtures";

test("an owner invites a member by link, who joins the organization", async ({ page, browser }) => {
  const owner = newUser();
  await signUp(page, owner, "Invite Co");
  const member = newUser();
  const link = await inviteLink(page, "Operator", member.email);
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);

  const joined = await joinWithLink(browser, link, member);
  await expect(joined.page.getByLabel("Organization").locator("option:checked")).toHaveText("Invite Co");
  await expect(joined.page.getByTestId("current-role")).toHaveText("Operator");

  // The link was single-use.
  await joined.page.goto(link);
  await expect(joined.page.getByTestId("invitation")).toContainText("already been used");
  await joined.context.close();

  await page.reload();
  await expect(page.getByTestId("members")).toContainText(member.email);
  await expect(page.getByTestId("members")).toContainText(owner.email);
});

test("a viewer is refused an admin action, in the UI and by the server", async ({ page, browser }) => {
  const owner = newUser();
  await signUp(page, owner, "Viewer Co");
  const viewer = newUser();
  const link = await inviteLink(page, "Viewer");
  const joined = await joinWithLink(browser, link, viewer);

  await joined.page.goto("/settings/team");
  await expect(joined.page.getByText("Only owners and admins can invite members.")).toBeVisible();
  await expect(joined.page.getByRole("button", { name: "Create invitation link" })).toBeDisabled();

  // Calling the API directly, past the disabled button, is refused by the server.
  const response = await joined.page.request.post("/api/trpc/team.invite", {
    data: { json: { role: "admin" } },
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("needs the admin role");
  await joined.context.close();

  // And nothing was created: the owner still sees no pending invitation but the used one is gone.
  await page.goto("/settings/team");
  await expect(page.getByText("Pending invitations (0)")).toBeVisible();
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createUser, TEST_PASSWORD } from "~/test/factories";
import { verifyPassword } from "./password";
import { changePassword } from "./password-change";
import { MAX_FAILED_SIGN_INS } from "./throttle";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const NEW = "another-password-8";
const change = (userId: string, currentPassword: string, newPassword = NEW, confirmPassword = newPassword) =>
  changePassword(t.db, userId, { currentPassword, newPassword, confirmPassword });

describe("password change", () => {
  it("replaces the hash and moves the session version on", async () => {
    const user = await createUser(t.db);
    expect(await change(user.id, TEST_PASSWORD)).toEqual({ email: user.email });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(NEW, row!.passwordHash)).toBe(true);
  });

  it("refuses a weak, unconfirmed or unchanged new password before looking at the current one", async () => {
    const user = await createUser(t.db);
    await expect(change(user.id, TEST_PASSWORD, "short1")).rejects.toMatchObject({ code: "weak_password" });
    await expect(change(user.id, TEST_PASSWORD, NEW, `${NEW}x`)).rejects.toMatchObject({ code: "password_mismatch" });
    await expect(change(user.id, TEST_PASSWORD, TEST_PASSWORD)).rejects.toMatchObject({ code: "same_password" });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ passwordHash: user.passwordHash, sessionVersion: user.sessionVersion });
  });

  it("counts wrong current passwords against the sign-in limit of the email", async () => {
    const user = await createUser(t.db);
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++)
      await expect(change(user.id, `wrong-current-${i}`)).rejects.toMatchObject({ code: "wrong_password" });
    await expect(change(user.id, "wrong-current-last")).rejects.toMatchObject({ code: "locked" });
    await expect(change(user.id, TEST_PASSWORD)).rejects.toMatchObject({ code: "locked" });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ passwordHash: user.passwordHash, sessionVersion: user.sessionVersion });
  });
});

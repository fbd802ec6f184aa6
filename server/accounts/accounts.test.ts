import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { eq } from "drizzle-orm";
import { memberships, users } from "~/db/schema";
import { UserFacingError } from "./errors";
import { hashPassword, passwordWeakness, verifyPassword } from "./password";
import { checkCredentials } from "./sign-in";
import { signUp } from "./sign-up";
import { beginEmailAttempt, MAX_FAILED_SIGN_INS } from "./throttle";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2)}@Example.com`;

describe("passwords", () => {
  it("hashes with scrypt and a per-user salt, and verifies", async () => {
    const a = await hashPassword("same-password-1");
    const b = await hashPassword("same-password-1");
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same-password-1", a)).toBe(true);
    expect(await verifyPassword("same-password-2", a)).toBe(false);
    expect(await verifyPassword("same-password-1", "garbage")).toBe(false);
  });

  it("explains why a password is weak", () => {
    expect(passwordWeakness("short1")).toMatch(/10 characters/);
    expect(passwordWeakness("aaaaaaaaaaaa1")).toMatch(/repetitive/);
    expect(passwordWeakness("onlyletterspassword")).toMatch(/numbers or symbols/);
    expect(passwordWeakness("good-password-7")).toBeNull();
  });
});

describe("sign-up", () => {
  it("creates the user, lower-cases the email and makes them owner of a new organization", async () => {
    const email = uniqueEmail("new");
    const { user, organization } = await signUp(t.db, { name: "Ann", email, password: "good-password-7", organizationName: "Ann Co" });
    expect(user.email).toBe(email.toLowerCase());
    expect(organization.name).toBe("Ann Co");
    const [membership] = await t.db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(membership).toMatchObject({ organizationId: organization.id, role: "owner" });
  });

  it("refuses a taken email whatever its case, and creates nothing", async () => {
    const email = uniqueEmail("taken");
    await signUp(t.db, { name: "First", email, password: "good-password-7" });
    const attempt = signUp(t.db, { name: "Second", email: email.toUpperCase(), password: "good-password-7" });
    await expect(attempt).rejects.toThrow(UserFacingError);
    await expect(attempt).rejects.toMatchObject({ code: "email_taken" });
    const rows = await t.db.select().from(users).where(eq(users.email, email.toLowerCase()));
    expect(rows.map((r) => r.name)).toEqual(["First"]);
  });

  it("refuses a weak password and an invalid email", async () => {
    await expect(signUp(t.db, { name: "W", email: uniqueEmail("weak"), password: "123" })).rejects.toMatchObject({
      code: "weak_password",
    });
    await expect(signUp(t.db, { name: "W", email: "not-an-email", password: "good-password-7" })).rejects.toThrow(
      /valid email/,
    );
  });
});

describe("sign-in", () => {
  it("accepts the right password, whatever the email's case, and refuses a wrong one", async () => {
    const email = uniqueEmail("signin");
    await signUp(t.db, { name: "S", email, password: "good-password-7" });
    expect(await checkCredentials(t.db, email.toUpperCase(), "good-password-7")).toMatchObject({ ok: true });
    expect(await checkCredentials(t.db, email, "wrong-password-7")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(t.db, uniqueEmail("nobody"), "whatever-1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email after repeated failures, even against the right password", async () => {
    const email = uniqueEmail("throttle");
    await signUp(t.db, { name: "T", email, password: "good-password-7" });
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await checkCredentials(t.db, email, `wrong-${i}-password`)).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await checkCredentials(t.db, email, "wrong-last-password");
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect(await checkCredentials(t.db, email, "good-password-7")).toMatchObject({ ok: false, reason: "locked" });
  });

  it("forgets old failures once the window has passed", async () => {
    const email = uniqueEmail("window").toLowerCase();
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await beginEmailAttempt(t.db, email, longAgo);
    await beginEmailAttempt(t.db, email);
    await signUp(t.db, { name: "W", email, password: "good-password-7" });
    expect(await checkCredentials(t.db, email, "good-password-7")).toMatchObject({ ok: true });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signInAddressThrottles, signInThrottles } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createUser, TEST_PASSWORD } from "~/test/factories";
import * as passwords from "./password";
import { checkCredentials, type CredentialCheck } from "./sign-in";
import { beginAddressAttempt, MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_ADDRESS } from "./throttle";

// Counting scrypt checks is how these tests see whether a refused attempt was refused before hashing.
vi.mock("./password", async (importOriginal) => {
  const actual = await importOriginal<typeof passwords>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const passwordChecks = vi.mocked(passwords.verifyPassword);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());
// A braced body: a function returned from beforeEach would be run as its teardown.
beforeEach(() => {
  passwordChecks.mockClear();
});

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2)}@example.com`;
const reasons = (results: CredentialCheck[]) =>
  results.reduce<Record<string, number>>((n, r) => {
    const key = r.ok ? "ok" : r.reason;
    n[key] = (n[key] ?? 0) + 1;
    return n;
  }, {});

describe("per-email limit", () => {
  it("lets only the first attempts of a concurrent burst reach the password check", async () => {
    const user = await createUser(t.db);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => checkCredentials(t.db, user.email, `wrong-password-${i}`)),
    );

    expect(passwordChecks).toHaveBeenCalledTimes(MAX_FAILED_SIGN_INS);
    // The first four failures say "wrong password"; the fifth locks the email, the rest were refused unhashed.
    expect(reasons(results)).toEqual({ invalid: MAX_FAILED_SIGN_INS - 1, locked: 30 - (MAX_FAILED_SIGN_INS - 1) });
    const [row] = await t.db.select().from(signInThrottles).where(eq(signInThrottles.email, user.email));
    expect(row).toMatchObject({ failedCount: 30, lockedUntil: expect.any(Date) });

    expect(await checkCredentials(t.db, user.email, TEST_PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
    expect(passwordChecks).toHaveBeenCalledTimes(MAX_FAILED_SIGN_INS);
  });

  it("opens again when the lock runs out, and a success clears the count", async () => {
    const user = await createUser(t.db);
    const start = new Date();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await checkCredentials(t.db, user.email, `wrong-${i}-pass`, { now: start });
    const later = new Date(start.getTime() + 14 * 60 * 1000);
    expect(await checkCredentials(t.db, user.email, TEST_PASSWORD, { now: later })).toMatchObject({ reason: "locked" });

    const afterLock = new Date(start.getTime() + 16 * 60 * 1000);
    expect(await checkCredentials(t.db, user.email, "wrong-again-1", { now: afterLock })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(t.db, user.email, TEST_PASSWORD, { now: afterLock })).toMatchObject({ ok: true });
    expect(await t.db.select().from(signInThrottles).where(eq(signInThrottles.email, user.email))).toEqual([]);
  });

  it("counts attempts at emails without an account the same way", async () => {
    const email = uniqueEmail("nobody");
    await Promise.all(Array.from({ length: 12 }, () => checkCredentials(t.db, email, "any-password-1")));
    expect(passwordChecks).toHaveBeenCalledTimes(MAX_FAILED_SIGN_INS);
  });
});

describe("per-address limit", () => {
  it("stops one address spraying many emails, and leaves other addresses alone", async () => {
    const address = "198.51.100.7";
    const victim = await createUser(t.db);
    // Earlier attempts from the address (counted concurrently: none may be lost), then a burst of
    // guesses at fresh emails: only those up to the limit reach scrypt.
    const earlier = MAX_FAILED_SIGN_INS_PER_ADDRESS - 5;
    await Promise.all(Array.from({ length: earlier }, () => beginAddressAttempt(t.db, address)));
    const results = await Promise.all(
      Array.from({ length: 12 }, () => checkCredentials(t.db, uniqueEmail("spray"), "guess-password-1", { address })),
    );

    expect(passwordChecks).toHaveBeenCalledTimes(5);
    expect(reasons(results)).toEqual({ invalid: 5, address_locked: 7 });
    // Even the right password of an untouched account is refused from there, without a hash...
    expect(await checkCredentials(t.db, victim.email, TEST_PASSWORD, { address })).toMatchObject({ reason: "address_locked" });
    expect(passwordChecks).toHaveBeenCalledTimes(5);
    // ...and was not counted against that account's email.
    expect(await t.db.select().from(signInThrottles).where(eq(signInThrottles.email, victim.email))).toEqual([]);
    expect(await checkCredentials(t.db, victim.email, TEST_PASSWORD, { address: "198.51.100.8" })).toMatchObject({ ok: true });
  });

  it("gives back a successful attempt without forgiving the address's failures", async () => {
    const address = "2001:db8:1:2::/64";
    const own = await createUser(t.db);
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS - 1; i++) await beginAddressAttempt(t.db, address);
    // Each success is the limit-th attempt, which sets the lock; giving it back lifts the lock again.
    for (let i = 0; i < 2; i++) expect(await checkCredentials(t.db, own.email, TEST_PASSWORD, { address })).toMatchObject({ ok: true });

    const [row] = await t.db.select().from(signInAddressThrottles).where(eq(signInAddressThrottles.address, address));
    expect(row).toMatchObject({ failedCount: MAX_FAILED_SIGN_INS_PER_ADDRESS - 1, lockedUntil: null });
    // The last allowed guess still runs, and locks the address.
    expect(await checkCredentials(t.db, uniqueEmail("guess"), "guess-password-1", { address })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(t.db, own.email, TEST_PASSWORD, { address })).toMatchObject({ reason: "address_locked" });
  });
});

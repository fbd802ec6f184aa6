import { Auth } from "@auth/core";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInAddressThrottles } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createRequestContext } from "~/server/trpc/context";
import { createCaller } from "~/server/trpc/root";
import { addMember, callerFor, createMemberOf, createUser, TEST_PASSWORD } from "~/test/factories";
import { authConfig } from "./config";

// context.ts is server-only; vitest runs outside React's server graph, where that import throws.
vi.mock("server-only", () => ({}));

const SECRET = "sessions-test-secret-0123456789abcdef";
const ORIGIN = "http://localhost:3000";
const SESSION_COOKIE = "authjs.session-token";
process.env.AUTH_SECRET = SECRET;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

/** Auth.js itself, as `/api/auth/*` serves it, over the test database. */
function auth(path: string, init: RequestInit = {}) {
  return Auth(new Request(`${ORIGIN}/api/auth/${path}`, init), {
    ...authConfig(t.db),
    secret: SECRET,
    basePath: "/api/auth",
  });
}

function cookiesOf(response: Response): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    jar[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return jar;
}

async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await auth("csrf");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: `authjs.csrf-token=${cookiesOf(response)["authjs.csrf-token"]}` };
}

/** Signs in through the credentials callback, as the sign-in form does; returns the session token. */
async function signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { token, cookie } = await csrf();
  const response = await auth("callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body: new URLSearchParams({ email, password, csrfToken: token, callbackUrl: "/" }),
  });
  return cookiesOf(response)[SESSION_COOKIE] || null;
}

async function signOut(sessionToken: string): Promise<void> {
  const { token, cookie } = await csrf();
  const response = await auth("signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${SESSION_COOKIE}=${sessionToken}` },
    body: new URLSearchParams({ csrfToken: token, callbackUrl: "/" }),
  });
  expect(cookiesOf(response)[SESSION_COOKIE]).toBe("");
}

const withSession = (sessionToken: string) => new Headers({ cookie: `${SESSION_COOKIE}=${sessionToken}` });

/** Who the tRPC context says is calling with this token. */
const contextUser = async (sessionToken: string) => (await createRequestContext(withSession(sessionToken), t.db)).userId;

/** What `auth()` answers for this token: Auth.js's session action, which runs our jwt callback. */
async function sessionUser(sessionToken: string): Promise<string | null> {
  const response = await auth("session", { headers: { cookie: `${SESSION_COOKIE}=${sessionToken}` } });
  const body = (await response.json()) as { user?: { id?: string } } | null;
  return body?.user?.id ?? null;
}

describe("session revocation", () => {
  it("refuses a token captured before sign-out, and a fresh sign-in works", async () => {
    const user = await createUser(t.db);
    const captured = await signIn(user.email, TEST_PASSWORD);
    expect(captured).toBeTruthy();
    expect(await contextUser(captured!)).toBe(user.id);
    expect(await sessionUser(captured!)).toBe(user.id);

    await signOut(captured!);
    expect(await contextUser(captured!)).toBeNull();
    expect(await sessionUser(captured!)).toBeNull();
    await expect(createCaller(await createRequestContext(withSession(captured!), t.db)).organization.mine()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });

    const fresh = await signIn(user.email, TEST_PASSWORD);
    expect(await contextUser(fresh!)).toBe(user.id);
    expect(await sessionUser(fresh!)).toBe(user.id);
  });

  it("does not let an already revoked token sign out the sessions issued after it", async () => {
    const user = await createUser(t.db);
    const old = (await signIn(user.email, TEST_PASSWORD))!;
    await signOut(old);
    const current = (await signIn(user.email, TEST_PASSWORD))!;
    await signOut(old);
    expect(await contextUser(current)).toBe(user.id);
  });

  it("refuses every session after a password change; the new password signs in", async () => {
    const user = await createUser(t.db);
    const here = (await signIn(user.email, TEST_PASSWORD))!;
    const elsewhere = (await signIn(user.email, TEST_PASSWORD))!;
    const caller = createCaller(await createRequestContext(withSession(here), t.db));
    const newPassword = "brand-new-password-9";
    await caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword });

    for (const token of [here, elsewhere]) {
      expect(await contextUser(token)).toBeNull();
      expect(await sessionUser(token)).toBeNull();
    }
    expect(await signIn(user.email, TEST_PASSWORD)).toBeNull();
    const fresh = await signIn(user.email, newPassword);
    expect(await contextUser(fresh!)).toBe(user.id);
  });

  it("refuses a removed member's sessions, but not those of a member who leaves", async () => {
    const admin = await createMemberOf(t.db, "admin");
    const removed = await createUser(t.db);
    const leaving = await createUser(t.db);
    await addMember(t.db, admin.organizationId, removed.id, "viewer");
    await addMember(t.db, admin.organizationId, leaving.id, "viewer");
    const removedToken = (await signIn(removed.email, TEST_PASSWORD))!;
    const leavingToken = (await signIn(leaving.email, TEST_PASSWORD))!;

    await admin.caller.team.removeMember({ userId: removed.id });
    expect(await contextUser(removedToken)).toBeNull();
    expect(await sessionUser(removedToken)).toBeNull();

    await callerFor(t.db, leaving.id, admin.organizationId).team.leave();
    expect(await contextUser(leavingToken)).toBe(leaving.id);
  });

  it("accepts only tokens carrying the user's current version", async () => {
    const user = await createUser(t.db);
    const mint = (claims: Record<string, unknown>) => encode({ token: { sub: user.id, ...claims }, secret: SECRET, salt: SESSION_COOKIE });
    expect(await contextUser(await mint({ sessionVersion: 0 }))).toBe(user.id);
    // Tokens issued before versions existed carry none.
    expect(await contextUser(await mint({}))).toBeNull();
    expect(await contextUser(await mint({ sessionVersion: 1 }))).toBeNull();
    expect(await contextUser(await mint({ sub: "not-a-user", sessionVersion: 0 }))).toBeNull();
  });
});

describe("sign-in origin", () => {
  it("reaches authorize(): the per-address limit is keyed by the address Next puts in X-Forwarded-For", async () => {
    const user = await createUser(t.db);
    expect(await signIn(user.email, TEST_PASSWORD, { "x-forwarded-for": "203.0.113.9" })).toBeTruthy();
    const rows = await t.db.select().from(signInAddressThrottles).where(eq(signInAddressThrottles.address, "203.0.113.9"));
    // Counted before the password check and given back after the success.
    expect(rows).toMatchObject([{ failedCount: 0 }]);
  });
});

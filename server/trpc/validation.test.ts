import { TRPCError, type AnyRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { UNEXPECTED_ERROR_MESSAGE } from "~/server/http/unexpected-error";
import { localDay } from "~/server/validation/day";
import { createMemberOf, createStore } from "~/test/factories";
import { createCallerFactory, createTRPCRouter, organizationProcedure, publicProcedure, type Context } from "./init";
import { appRouter } from "./root";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());
afterEach(() => vi.restoreAllMocks());

const BAD_DAYS = ["2026-13-45", "2026-02-30", "not a day"];
/** What a client must never read: SQL, zod's issue dump, a stack frame. */
const INTERNALS = /select |from "|\$1|invalid_format|pattern|"issues"|"expected"|\bat \w+ \(|\.ts:\d+/i;

describe("procedures that take local days", () => {
  it("refuse days that are not real dates with BAD_REQUEST and a plain message", async () => {
    const member = await createMemberOf(t.db, "viewer");
    const { adProfile } = await createStore(t.db, member.organizationId);
    const ads = member.caller.advertising;
    const calls = {
      campaigns: (range: { from: string; to: string }) => ads.campaigns({ adProfileId: adProfile.id, ...range }),
      adGroups: (range: { from: string; to: string }) => ads.adGroups({ adProfileId: adProfile.id, campaignId: "1", ...range }),
      targets: (range: { from: string; to: string }) => ads.targets({ adProfileId: adProfile.id, adGroupId: "1", ...range }),
      daySettlement: (range: { from: string; to: string }) => ads.daySettlement({ adProfileId: adProfile.id, ...range }),
    };
    for (const [name, call] of Object.entries(calls)) {
      for (const bad of BAD_DAYS) {
        for (const range of [{ from: bad, to: "2026-03-01" }, { from: "2026-03-01", to: bad }]) {
          const error = await call(range).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error, `${name} ${JSON.stringify(range)}`).toBeInstanceOf(TRPCError);
          expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/(from|to): Enter a real date as YYYY-MM-DD\.$/) });
          expect((error as Error).message).not.toMatch(INTERNALS);
        }
      }
      await expect(call({ from: "2026-03-02", to: "2026-03-01" }), name).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/start date must not be after the end date/),
      });
      await expect(call({ from: "2024-01-01", to: "2026-01-01" }), name).rejects.toMatchObject({ code: "BAD_REQUEST" });
      // A real range still answers.
      await expect(call({ from: "2026-02-01", to: "2026-02-28" }), name).resolves.not.toBeUndefined();
    }
  });

  it("are every procedure with a day-like input field, and each such field is checked as a real date", () => {
    const dayField = /^(from|to|day|date|start|end)$|(Day|Date)$/;
    const checked: string[] = [];
    const unchecked: string[] = [];
    const walk = (schema: unknown, path: string) => {
      if (!schema || typeof schema !== "object") return;
      const s = schema as { properties?: Record<string, { type?: string; format?: string }>; anyOf?: unknown[]; allOf?: unknown[] };
      for (const [key, field] of Object.entries(s.properties ?? {})) {
        if (dayField.test(key) && field.type === "string") (field.format === "date" ? checked : unchecked).push(`${path}.${key}`);
      }
      for (const part of [...(s.anyOf ?? []), ...(s.allOf ?? [])]) walk(part, path);
    };
    const procedures = (appRouter as AnyRouter)._def.procedures as Record<string, { _def: { inputs: unknown[] } }>;
    for (const [path, procedure] of Object.entries(procedures)) {
      const parser = procedure._def.inputs[0];
      if (parser) walk(z.toJSONSchema(parser as z.ZodType, { io: "input", unrepresentable: "any" }), path);
    }
    expect(unchecked).toEqual([]);
    expect(checked).toEqual(expect.arrayContaining(["advertising.campaigns.from", "advertising.daySettlement.to", "advertising.targets.from"]));
  });
});

/** Procedures that fail in each way a real one can, on the same base procedures the app's routers use. */
const probe = createTRPCRouter({
  rawDatabaseError: publicProcedure.query(({ ctx }) =>
    ctx.db.execute(sql`select * from no_such_table where token = ${"Atzr|secret-refresh-token"}`),
  ),
  organizationDatabaseError: organizationProcedure().query(({ ctx }) =>
    ctx.db.execute(sql`select * from no_such_table where organization_id = ${ctx.organizationId}`),
  ),
  bug: publicProcedure.query((): string => {
    throw new TypeError("Cannot read properties of undefined (reading 'secretKey')");
  }),
  onPurpose: publicProcedure.query((): string => {
    throw new TRPCError({ code: "NOT_FOUND", message: "No such thing in this organization." });
  }),
  day: publicProcedure.input(z.object({ from: localDay })).query(({ input }) => input.from),
});

describe("unexpected errors", () => {
  it("reach the client as a plain sentence, and the server log once with the procedure's path and no parameters", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const caller = createCallerFactory(probe)({ db: t.db, userId: null, requestedOrganizationId: undefined });
    const error = await caller.rawDatabaseError().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED_ERROR_MESSAGE });
    expect(log).toHaveBeenCalledTimes(1);
    const logged = String(log.mock.calls[0]![0]);
    expect(logged).toMatch(/^\[trpc query rawDatabaseError\] unexpected error: DrizzleQueryError: Failed query: select \* from no_such_table/);
    expect(logged).toMatch(/relation "no_such_table" does not exist/);
    expect(logged).not.toContain("secret-refresh-token");

    await expect(caller.bug()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED_ERROR_MESSAGE });
    expect(log).toHaveBeenCalledTimes(2);
  });

  it("inside an organization too", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const member = await createMemberOf(t.db, "viewer");
    const caller = createCallerFactory(probe)({ db: t.db, userId: member.user.id, requestedOrganizationId: member.organizationId });
    await expect(caller.organizationDatabaseError()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED_ERROR_MESSAGE });
  });

  it("leave errors thrown on purpose as they were", async () => {
    const caller = createCallerFactory(probe)({ db: t.db, userId: null, requestedOrganizationId: undefined });
    await expect(caller.onPurpose()).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such thing in this organization." });
  });
});

describe("over HTTP", () => {
  const call = async (path: string, input?: unknown, createContext?: () => Promise<Context>) => {
    const url = new URL(`http://app.test/api/trpc/${path}`);
    if (input !== undefined) url.searchParams.set("input", JSON.stringify({ json: input }));
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(url),
      router: probe,
      createContext: createContext ?? (async () => ({ db: t.db, userId: null, requestedOrganizationId: undefined })),
    });
    const text = await res.text();
    return { status: res.status, text, error: (JSON.parse(text) as { error: { json: { message: string; data: Record<string, unknown> } } }).error.json };
  };

  it("send no SQL, stack or cause for a database error", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, text, error } = await call("rawDatabaseError");
    expect(status).toBe(500);
    expect(error.message).toBe(UNEXPECTED_ERROR_MESSAGE);
    expect(error.data).toEqual({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path: "rawDatabaseError", zodError: null });
    expect(text).not.toMatch(INTERNALS);
    expect(text).not.toMatch(/no_such_table|secret/);
  });

  it("send a refused input's flattened field errors and a plain message, nothing of zod's internals", async () => {
    const { status, text, error } = await call("day", { from: "2026-02-30" });
    expect(status).toBe(400);
    expect(error.message).toBe("The request was not accepted. from: Enter a real date as YYYY-MM-DD.");
    expect(error.data.zodError).toEqual({ formErrors: [], fieldErrors: { from: ["Enter a real date as YYYY-MM-DD."] } });
    expect(error.data).not.toHaveProperty("stack");
    expect(text).not.toMatch(INTERNALS);
  });

  it("explain nothing of a failure outside any procedure (creating the context)", async () => {
    const { status, text, error } = await call("onPurpose", undefined, () => Promise.reject(new Error('Failed query: select "sub" from sessions\nparams: secret')));
    expect(status).toBe(500);
    expect(error.message).toBe(UNEXPECTED_ERROR_MESSAGE);
    expect(text).not.toMatch(/sessions|secret/);
  });
});

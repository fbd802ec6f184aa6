import { TRPCError, type AnyRouter } from "@trpc/server";
import { sql } from "drizzle-orm";
import superjson from "superjson";
import { z } from "zod";
import type { Database } from "~/db/client";
import type { TestDatabase } from "~/db/testing";
import { createCallerFactory, type Context, type Meta } from "~/server/trpc/init";

/**
 * Probes every organization-scoped procedure of a router as a member of one organization ("attacker"),
 * feeding it the ids of another ("victim"). A procedure passes when
 * - each call is refused or returns nothing of the victim's (no id or marker string in the output),
 * - what it returns is exactly what it returns once the victim's data is gone (so counts, totals and
 *   flags computed over the victim's rows show up even when no string of theirs does),
 * - and the victim's rows are unchanged after each call.
 * Every call runs in a transaction that is rolled back, so calls cannot change what later calls see.
 */
export interface Victim {
  organizationId: string;
  /** Every id the victim owns (organization, members, invitations, stores, orders, campaigns, runs…). */
  ids: string[];
  /** Strings that only the victim's data contains (names, emails, tags). */
  markers: string[];
  userIds: string[];
  /** Executor run ids of the victim's (they carry no organization column). */
  executorRunIds: string[];
  /**
   * The victim's ids by the input field they fit (`adProfileId`, `campaignId`, …): extra samples give every
   * field its fitting id at once, as an attacker who knows the victim's real ids would send them.
   */
  idsByField?: Record<string, string[]>;
}

export interface Finding {
  path: string;
  input: unknown;
  problem: string;
}

type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/**
 * Inputs built from the procedure's schema, one per victim id, then one per fitting id (`idsByField`).
 * Id-like fields take the victim's ids in rotation, each field a different one (sample k gives field j the
 * id k + j), so over the samples every field meets every id and no two fields share one. Booleans, numbers'
 * bounds, enum values and union branches alternate between samples, so each is seen both ways.
 */
export function sampleInputs(schema: JsonSchema | undefined, victim: Victim): unknown[] {
  if (!schema) return [undefined];
  const ids = victim.ids;
  const byField = victim.idsByField ?? {};
  const coherent = Math.max(0, ...Object.values(byField).map((list) => list.length));
  return Array.from({ length: ids.length + coherent }, (_, k) => {
    let field = 0;
    // Samples past the rotation give each field its fitting id (the j-th of its list).
    const nextId = (key: string, uuidOnly: boolean) => {
      const fitting = k >= ids.length ? byField[key] : undefined;
      // A uuid field only ever gets uuid-shaped ids: anything else is refused by validation, probing nothing.
      const pool = uuidOnly ? ids.filter((id) => UUID.test(id)) : ids;
      const id = fitting?.length ? fitting[(k - ids.length) % fitting.length]! : pool[(k + field) % pool.length]!;
      field += 1;
      return id;
    };
    const text = (s: JsonSchema) => {
      const candidates = [victim.markers[k % Math.max(1, victim.markers.length)] ?? "probe", ...victim.markers, "probe", "a", "1"];
      if (!s.pattern) return candidates[0];
      const re = new RegExp(s.pattern);
      return candidates.find((c) => re.test(c)) ?? candidates[0];
    };
    const fill = (s: JsonSchema, key = ""): unknown => {
      const union = s.anyOf ?? s.oneOf;
      if (union?.length) return fill(union[k % union.length]!, key);
      if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((part) => fill(part, key) as object));
      if (s.const !== undefined) return s.const;
      if (s.enum?.length) return s.enum[k % s.enum.length];
      switch (s.type) {
        case "object":
          // Optional fields (filters) both ways: set on even samples, left out on odd ones.
          return Object.fromEntries(
            Object.entries(s.properties ?? {})
              .filter(([name]) => (s.required ?? []).includes(name) || k % 2 === 0)
              .map(([name, v]) => [name, fill(v, name)]),
          );
        case "array":
          return s.items ? [fill(s.items, key.replace(/s$/, ""))] : [];
        case "string":
          if (s.format === "uuid" || /Id$/.test(key)) return nextId(key, s.format === "uuid");
          if (s.format === "date") return key === "to" ? isoDay(0) : isoDay(30);
          if (s.format === "email") return victim.markers.find((m) => m.includes("@")) ?? "probe@example.com";
          // Free text (search boxes, names) gets the victim's markers: a search must not find their data.
          return text(s);
        case "integer":
        case "number": {
          const low = s.minimum ?? 1;
          // Pages past the first would find nothing of anyone's: always the first.
          if (key === "page") return low;
          return k % 2 === 0 ? low : Math.min(s.maximum ?? low, 400);
        }
        case "boolean":
          return k % 2 === 0;
        default:
          return null;
      }
    };
    return fill(schema);
  });
}

function inputSchema(procedure: { _def: { inputs: unknown[] } }): JsonSchema | undefined {
  const parser = procedure._def.inputs[0];
  if (!parser) return undefined;
  return z.toJSONSchema(parser as z.ZodType, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** One digest of every row of the victim's, in every table with an organization, plus its users and runs. */
async function victimDigest(db: Database, t: TestDatabase, victim: Victim): Promise<string> {
  const tables = await t.sql<{ table_name: string }[]>`
    select distinct table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'organization_id' order by table_name`;
  const parts = tables.map(
    ({ table_name }) =>
      `coalesce((select md5(string_agg(t::text, '|' order by t::text)) from "${table_name}" t where organization_id = $1), '')`,
  );
  parts.push(`coalesce((select md5(string_agg(t::text, '|' order by t::text)) from organizations t where id = $1), '')`);
  parts.push(`coalesce((select md5(string_agg(t::text, '|' order by t::text)) from users t where id = any($2::uuid[])), '')`);
  parts.push(`coalesce((select md5(string_agg(t::text, '|' order by t::text)) from executor_runs t where id = any($3::text[])), '')`);
  // Test data only: the values are ids this test made, inlined as literals.
  const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;
  const query = `select ${parts.join(" || ':' || ")} as digest`
    .replaceAll("$1", literal(victim.organizationId))
    .replaceAll("$2::uuid[]", `array[${victim.userIds.map(literal).join(",")}]::uuid[]`)
    .replaceAll("$3::text[]", `array[${victim.executorRunIds.map(literal).join(",")}]::text[]`);
  const rows = (await db.execute(sql.raw(query))) as unknown as { digest: string }[];
  return rows[0]!.digest;
}

export function organizationProcedures(router: AnyRouter): string[] {
  const procedures = router._def.procedures as Record<string, { _def: { meta?: Meta } }>;
  return Object.keys(procedures).filter((path) => procedures[path]!._def.meta?.scope === "organization");
}

const REFUSALS = new Set<TRPCError["code"]>(["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "UNAUTHORIZED", "CONFLICT"]);
const ROLLBACK = new Error("rollback");

type Outcome = { kind: "output"; text: string } | { kind: "refused" } | { kind: "failed"; error: string };

/**
 * What an answer says in figures: its shape, numbers, booleans, nulls and numeric strings (money is a
 * decimal string), with every other string reduced to "s". Ids, names, random OAuth states and instants
 * differ between any two calls; counts, totals, flags and list lengths must not move with the victim's data.
 */
function figures(value: unknown): unknown {
  if (typeof value === "string") return /^-?\d+(\.\d+)?$/.test(value) ? value : "s";
  if (Array.isArray(value)) return value.map(figures);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, figures(v)]));
  return value;
}
const comparable = (outcome: Outcome) =>
  outcome.kind === "output" ? JSON.stringify(figures((JSON.parse(outcome.text) as { json: unknown }).json)) : outcome.kind;

interface Probe {
  path: string;
  input: unknown;
  requestedOrganizationId: string;
}

export async function findTenantLeaks(options: {
  t: TestDatabase;
  router: AnyRouter;
  attacker: { userId: string; organizationId: string };
  victim: Victim;
}): Promise<{ probed: string[]; calls: number; findings: Finding[] }> {
  const { t, router, attacker, victim } = options;
  const createCaller = createCallerFactory(router);
  const procedures = router._def.procedures as Record<string, { _def: { inputs: unknown[] } }>;
  const paths = organizationProcedures(router);
  const findings: Finding[] = [];
  const probes: Probe[] = paths.flatMap((path) =>
    sampleInputs(inputSchema(procedures[path]!), victim).flatMap((input) =>
      // Also with the victim's organization as the "active" one: a forged cookie must not switch tenants.
      [attacker.organizationId, victim.organizationId].map((requestedOrganizationId) => ({ path, input, requestedOrganizationId })),
    ),
  );

  /** Runs one probe in a savepoint of `db`, rolled back; reports whether the victim's rows changed meanwhile. */
  async function run(db: Database, probe: Probe, baseline: string): Promise<Outcome> {
    let outcome: Outcome = { kind: "refused" };
    await db
      .transaction(async (tx) => {
        const ctx: Context = { db: tx as unknown as Database, userId: attacker.userId, requestedOrganizationId: probe.requestedOrganizationId };
        const caller = createCaller(ctx) as Record<string, unknown>;
        const fn = probe.path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
        try {
          // In a savepoint of its own: a failed statement must not abort the digest taken after it.
          const output = await tx.transaction(async () => (fn as (i: unknown) => Promise<unknown>)(probe.input));
          outcome = { kind: "output", text: superjson.stringify(output) };
        } catch (error) {
          outcome = error instanceof TRPCError && REFUSALS.has(error.code) ? { kind: "refused" } : { kind: "failed", error: String(error) };
        }
        if ((await victimDigest(tx as unknown as Database, t, victim)) !== baseline)
          findings.push({ path: probe.path, input: probe.input, problem: "changed the victim's rows" });
        throw ROLLBACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
    return outcome;
  }

  // With the victim's data in place.
  const baseline = await victimDigest(t.db, t, victim);
  const withVictim: Outcome[] = [];
  for (const probe of probes) {
    const outcome = await run(t.db, probe, baseline);
    withVictim.push(outcome);
    if (outcome.kind === "failed") findings.push({ path: probe.path, input: probe.input, problem: `failed instead of refusing: ${outcome.error}` });
    if (outcome.kind === "output") {
      // Echoing the caller's own input back is not a leak; anything else of the victim's is.
      const sent = JSON.stringify(probe.input) ?? "";
      const leaked = [...victim.ids, ...victim.markers].filter((m) => outcome.text.includes(m) && !sent.includes(m));
      if (leaked.length) findings.push({ path: probe.path, input: probe.input, problem: `returned the victim's data: ${leaked.join(", ")}` });
    }
  }

  // The same calls once the victim's organization and everything of it is gone: the answers must not move.
  await t.db
    .transaction(async (outer) => {
      await outer.execute(sql`delete from organizations where id = ${victim.organizationId}`);
      for (const id of victim.executorRunIds) await outer.execute(sql`delete from executor_runs where id = ${id}`);
      const without = await victimDigest(outer as unknown as Database, t, victim);
      for (const [i, probe] of probes.entries()) {
        const outcome = await run(outer as unknown as Database, probe, without);
        if (comparable(outcome) !== comparable(withVictim[i]!))
          findings.push({
            path: probe.path,
            input: probe.input,
            problem: `answers differently once the victim's data is gone: ${comparable(withVictim[i]!).slice(0, 300)} → ${comparable(outcome).slice(0, 300)}`,
          });
      }
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });

  return { probed: paths, calls: probes.length * 2, findings };
}

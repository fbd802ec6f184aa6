import { TRPCError, type AnyRouter } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { TestDatabase } from "~/db/testing";
import { createCallerFactory, type Context, type Meta } from "~/server/trpc/init";

/**
 * Probes every organization-scoped procedure of a router as a member of one organization ("attacker"),
 * feeding it the ids of another ("victim"). A procedure passes when each call is refused or returns nothing
 * of the victim's, and the victim's rows are unchanged afterwards.
 */
export interface Victim {
  organizationId: string;
  /** Every id the victim owns (organization, members, invitations, and later stores, orders…). */
  ids: string[];
  /** Strings that only the victim's data contains (names, emails). */
  markers: string[];
  userIds: string[];
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
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
};

/** Builds inputs from the procedure's schema, one per victim id, with every id-like field set to it. */
function sampleInputs(schema: JsonSchema | undefined, victim: Victim): unknown[] {
  if (!schema) return [undefined];
  // Fields named like ids get the victim's id even when their type is a plain string (Amazon ids, run ids).
  const fill = (s: JsonSchema, id: string, key = ""): unknown => {
    if (s.anyOf?.length) return fill(s.anyOf[0]!, id, key);
    if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((part) => fill(part, id) as object));
    if (s.const !== undefined) return s.const;
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case "object":
        return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fill(v, id, k)]));
      case "array":
        return s.items ? [fill(s.items, id)] : [];
      case "string":
        if (s.format === "uuid" || /Id$/.test(key)) return id;
        if (s.format === "email") return victim.markers.find((m) => m.includes("@")) ?? "probe@example.com";
        return victim.markers[0] ?? "probe";
      case "integer":
      case "number":
        return 1;
      case "boolean":
        return true;
      default:
        return null;
    }
  };
  return victim.ids.map((id) => fill(schema, id));
}

function inputSchema(procedure: { _def: { inputs: unknown[] } }): JsonSchema | undefined {
  const parser = procedure._def.inputs[0];
  if (!parser) return undefined;
  return z.toJSONSchema(parser as z.ZodType, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

async function snapshot(t: TestDatabase, victim: Victim): Promise<string> {
  const tables = await t.sql<{ table_name: string }[]>`
    select distinct table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'organization_id' order by table_name`;
  const parts: unknown[] = [];
  for (const { table_name } of tables) {
    parts.push(
      table_name,
      await t.sql`select * from ${t.sql(table_name)} where organization_id = ${victim.organizationId} order by 1, 2`,
    );
  }
  parts.push(await t.sql`select * from organizations where id = ${victim.organizationId}`);
  parts.push(await t.sql`select * from users where id in ${t.sql(victim.userIds)} order by id`);
  return JSON.stringify(parts);
}

export function organizationProcedures(router: AnyRouter): string[] {
  const procedures = router._def.procedures as Record<string, { _def: { meta?: Meta } }>;
  return Object.keys(procedures).filter((path) => procedures[path]!._def.meta?.scope === "organization");
}

const REFUSALS = new Set<TRPCError["code"]>(["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "UNAUTHORIZED", "CONFLICT"]);

export async function findTenantLeaks(options: {
  t: TestDatabase;
  router: AnyRouter;
  attacker: { userId: string; organizationId: string };
  victim: Victim;
}): Promise<{ probed: string[]; findings: Finding[] }> {
  const { t, router, attacker, victim } = options;
  const createCaller = createCallerFactory(router);
  const procedures = router._def.procedures as Record<string, { _def: { inputs: unknown[] } }>;
  const paths = organizationProcedures(router);
  const findings: Finding[] = [];
  const before = await snapshot(t, victim);

  for (const path of paths) {
    for (const input of sampleInputs(inputSchema(procedures[path]!), victim)) {
      // Also with the victim's organization as the "active" one: a forged cookie must not switch tenants.
      for (const requestedOrganizationId of [attacker.organizationId, victim.organizationId]) {
        const ctx: Context = { db: t.db, userId: attacker.userId, requestedOrganizationId };
        const caller = createCaller(ctx) as Record<string, unknown>;
        const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
        try {
          const output = superjson.stringify(await (fn as (i: unknown) => Promise<unknown>)(input));
          // Echoing the caller's own input back is not a leak; anything else of the victim's is.
          const sent = JSON.stringify(input) ?? "";
          const leaked = [...victim.ids, ...victim.markers].filter((m) => output.includes(m) && !sent.includes(m));
          if (leaked.length) findings.push({ path, input, problem: `returned the victim's data: ${leaked.join(", ")}` });
        } catch (error) {
          if (!(error instanceof TRPCError) || !REFUSALS.has(error.code))
            findings.push({ path, input, problem: `failed instead of refusing: ${String(error)}` });
        }
      }
    }
  }
  const after = await snapshot(t, victim);
  if (after !== before) findings.push({ path: "*", input: null, problem: "the victim's rows changed" });
  return { probed: paths, findings };
}

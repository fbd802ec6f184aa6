import type postgres from "postgres";
import { localToday } from "~/server/sync/windows";
import { analyzeStore } from "./analyze";
import { loadStoreFacts } from "./load";
import { writeCases, type WriteResult } from "./write";

/** Analyses a store's stored Amazon data into claim cases and writes them (see analyzeStore and writeCases). */
export async function analyzeClaims(sql: postgres.Sql, organizationId: string, storeId: string, now = new Date()): Promise<WriteResult & { cases: number }> {
  const facts = await loadStoreFacts(sql, organizationId, storeId, now);
  if (!facts) return { cases: 0, found: 0, changed: 0, settled: 0, lapsed: 0 };
  const zones = new Map(facts.marketplaces.map((m) => [m.id, m.timeZone]));
  const drafts = analyzeStore(facts, (id) => localToday(zones.get(id) ?? "UTC", now));
  const written = await writeCases(sql, { organizationId, storeId }, facts.marketplaces, drafts, now);
  return { cases: drafts.length, ...written };
}

import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "~/db/client";
import { syncStates } from "~/db/schema";

export type ListSyncState =
  | { state: "not_run" }
  | { state: "running" }
  | { state: "failed"; error: string }
  | { state: "synced"; lastSucceededAt: Date; noData: boolean };

/**
 * Where the task (or tasks) that fill a list stand for the organization, so an empty page can say why: the task has
 * not run yet, is running, failed (and why), or ran and Amazon had nothing.
 */
export async function listSyncState(db: Database, organizationId: string, task: string | readonly string[]): Promise<ListSyncState> {
  const tasks = typeof task === "string" ? [task] : [...task];
  const states = await db.select().from(syncStates).where(and(eq(syncStates.organizationId, organizationId), inArray(syncStates.task, tasks)));
  const failed = states.find((s) => s.status === "failed" || s.status === "paused");
  const succeeded = states.filter((s) => s.lastSucceededAt).sort((a, b) => b.lastSucceededAt!.getTime() - a.lastSucceededAt!.getTime());
  if (states.some((s) => s.status === "running") && !succeeded.length) return { state: "running" };
  if (failed && !succeeded.length) return { state: "failed", error: failed.lastError ?? "The last run failed." };
  if (!succeeded.length) return { state: "not_run" };
  return { state: "synced", lastSucceededAt: succeeded[0]!.lastSucceededAt!, noData: succeeded.every((s) => s.lastOutcome === "no_data") };
}

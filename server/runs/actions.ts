import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { executorQueue, executorRuns } from "~/db/schema";

/**
 * Asks the embedded executor to cancel a run. The request goes through the executor's own queue, so
 * the cancellation follows the run state machine (pending work dropped, an invoking parent resumed
 * with an error, `inngest/function.cancelled` emitted) rather than editing its state from outside.
 * Returns false if the run is unknown or already finished. Only meaningful in embedded mode.
 */
export async function requestCancel(db: Database, runId: string, reason = "Cancelled by an operator"): Promise<boolean> {
  const [run] = await db
    .select({ id: executorRuns.id })
    .from(executorRuns)
    .where(and(eq(executorRuns.id, runId), inArray(executorRuns.status, ["queued", "running"])));
  if (!run) return false;
  await db
    .insert(executorQueue)
    .values({ kind: "cancel", runId, payload: { reason }, dedupeKey: `cancel:${runId}`, notBefore: sql`now()` })
    .onConflictDoNothing();
  return true;
}

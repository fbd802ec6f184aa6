import { sql } from "drizzle-orm";
import type { Database } from "~/db/client";

/** Deletes finished runs (with steps and attempts), events and spent rate state older than `cutoff`. */
export async function pruneExecutorHistory(db: Database, cutoff: Date) {
  // Passed as text: raw Date parameters in drizzle's sql`` are not serialized by postgres.js.
  const before = cutoff.toISOString();
  return db.transaction(async (tx) => {
    const runs = await tx.execute<{ id: string }>(sql`delete from executor_runs
      where status in ('completed', 'failed', 'cancelled') and coalesce(ended_at, created_at) < ${before}::timestamptz
      returning id`);
    const ids = runs.map((r) => r.id);
    if (ids.length) {
      await tx.execute(sql`delete from executor_steps where run_id = any(${sql.param(ids)}::text[])`);
      await tx.execute(sql`delete from executor_attempts where run_id = any(${sql.param(ids)}::text[])`);
    }
    const events = await tx.execute(sql`delete from executor_events where received_at < ${before}::timestamptz returning id`);
    // Throttle/rateLimit/idempotency state whose theoretical arrival time has long passed no longer limits anything.
    await tx.execute(sql`delete from executor_rate_state where tat < ${before}::timestamptz`);
    return { runs: ids.length, events: events.length };
  });
}

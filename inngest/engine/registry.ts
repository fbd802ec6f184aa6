import { nextFire } from "./cron";
import { json, type Sql, transaction } from "./db";
import type { Clock, FunctionConfig } from "./types";

/**
 * Function configs as the app last reported them. Kept in memory for the hot path and in Postgres
 * so a restarted executor (or a second one) can run queued work before its first sync.
 */
export class Registry {
  private byId = new Map<string, FunctionConfig>();
  private signatures = new Map<string, string>();

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  get(id: string): FunctionConfig | undefined {
    return this.byId.get(id);
  }

  all(): FunctionConfig[] {
    return [...this.byId.values()];
  }

  async load(): Promise<void> {
    const rows = await this.sql<{ config: FunctionConfig }[]>`select config from executor_functions`;
    this.byId = new Map(rows.map((r) => [r.config.id, r.config]));
  }

  /** Replaces the app's functions; (re)arms cron schedules, keeping the next fire time of unchanged ones. */
  async register(appId: string, functions: FunctionConfig[], opts: { force?: boolean } = {}): Promise<void> {
    // The periodic re-sync almost always reports the same functions: skip the writes then.
    const signature = JSON.stringify(functions);
    if (!opts.force && this.signatures.get(appId) === signature) return;
    const now = this.clock.now();
    await transaction(this.sql, async (tx) => {
      const ids = functions.map((f) => f.id);
      await tx`delete from executor_functions where app_id = ${appId} and not (id = any(${ids}))`;
      await tx`delete from executor_crons where not (function_id in (select id from executor_functions))
        and not (function_id = any(${ids}))`;
      for (const fn of functions) {
        await tx`insert into executor_functions (id, app_id, name, config, updated_at)
          values (${fn.id}, ${appId}, ${fn.name ?? fn.id}, ${json(tx, fn)}, ${now})
          on conflict (id) do update set app_id = excluded.app_id, name = excluded.name,
            config = excluded.config, updated_at = excluded.updated_at`;
        const schedules = fn.triggers.flatMap((t) => (t.cron ? [t.cron] : []));
        await tx`delete from executor_crons where function_id = ${fn.id} and not (schedule = any(${schedules}))`;
        for (const schedule of schedules) {
          await tx`insert into executor_crons (function_id, schedule, next_at)
            values (${fn.id}, ${schedule}, ${nextFire(schedule, now)}) on conflict do nothing`;
        }
      }
    });
    await this.load();
    this.signatures.set(appId, signature);
  }
}

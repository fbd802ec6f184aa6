import type { RunPlan } from "./plan";
import type { KitSteps } from "./steps";

/*
 * A sync task is a definition: the spec's promise in its own words, the scope it runs for, its windows
 * (cadence and local days), its backfill, and — once built — how a run goes. The registry (a list of
 * these) drives the scheduler, the initial syncs, the Inngest functions, the Sync center and the docs.
 */

/** What one run acts for: an ad profile, one marketplace of a store, or a whole store (seller account). */
export type SyncScope = "ad_profile" | "store_marketplace" | "store";

export type Cadence =
  /** Runs again between `minMinutes` and `maxMinutes` after the previous run started. */
  | { kind: "interval"; minMinutes: number; maxMinutes: number }
  /** Once per local day of the scope's time zone, at or after `atLocalHour`. */
  | { kind: "daily"; atLocalHour: number }
  /** On the given days of each local month, once per day. */
  | { kind: "monthly-days"; fromDay: number; toDay: number; atLocalHour: number }
  /** Only when a button asks for it (the spec's manual syncs); never by the schedule or an authorization. */
  | { kind: "on-demand" };

/** A range of local days counted back from today (day 0 = today, 1 = yesterday, …). */
export interface DayRange {
  fromDaysAgo: number;
  toDaysAgo: number;
}

/** The window key of every task's initial (authorization) sync. */
export const BACKFILL = "backfill";

export interface WindowDefinition {
  /** Stable identifier, stored in sync_states and events ("last-2-days"). Never shown. */
  key: string;
  /** What the window is for, in the spec's words ("last 2 days"). Display text only. */
  label: string;
  cadence: Cadence;
  /** Local days a run covers, relative to the scope's today; [] when the task is not about days. */
  days: DayRange[];
  /** Whole local calendar months a run covers instead (1 = last month), for monthly charges. */
  months?: { fromMonthsAgo: number; toMonthsAgo: number };
  /**
   * Self-repair: when the window last succeeded before its first day (syncing was paused, the
   * authorization broke), a run reaches back to the day of that success, at most this many days, so the
   * days missed meanwhile are loaded once.
   */
  catchUpDays?: number;
}

export interface BackfillDefinition {
  label: string;
  /** Local days back from today (ending today), or whole local months before the current one. */
  days?: number;
  months?: number;
  /** Days ending today the backfill leaves out (historical orders stop before 00:00 yesterday). */
  skipRecentDays?: number;
  /** Months right before authorization the backfill leaves out (the claims analysis skips the last one). */
  skipRecentMonths?: number;
  /** `months` counts whole calendar months before the current one (monthly charges), not back from today. */
  wholeMonths?: boolean;
}

export interface RunResult {
  rowsWritten: number;
  /** Amazon had nothing for the period (a CANCELLED report): said as such, not as a failure. */
  noData?: boolean;
  /** Anything the task wants in the run's output (shown on the job runs page). */
  detail?: Record<string, unknown>;
  /** Where the window's next run resumes (`RunPlan.resumeFrom`); kept only if this run succeeds. */
  resumeFrom?: string;
}

export interface TaskRunContext {
  plan: RunPlan;
  steps: KitSteps;
}

/** How an Inngest function of a task is limited; the defaults suit most tasks. */
export interface RunOptions {
  /** Runs of one scope at a time (across its windows). Default 1. */
  concurrencyPerScope?: 1 | 2 | 3 | 4;
  /** Retries of a failed run before the Sync center shows the failure. Default 4. */
  retries?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
}

export interface SyncTaskDefinition<Key extends string = string> {
  key: Key;
  title: string;
  /** Where it is in the spec ("Advertising data ②", "Store sales data ⑤"…). */
  specItem: string;
  /** The spec's own sentence(s). */
  promise: string;
  scope: SyncScope;
  /** Amazon operations it calls. */
  source: string[];
  /** Tables it writes. */
  dataset: string[];
  backfill?: BackfillDefinition;
  windows: WindowDefinition[];
  /** The spec's manual sync, where it offers one ("Sync now", "Refresh"). */
  manual?: { label: string; path: string };
  /** The run itself; a task without one is listed (and shown) as not available yet. */
  run?: (context: TaskRunContext) => Promise<RunResult>;
  options?: RunOptions;
}

export function defineSyncTask<const Key extends string>(definition: SyncTaskDefinition<Key>): SyncTaskDefinition<Key> {
  const keys = new Set<string>();
  for (const w of definition.windows) {
    if (w.key === BACKFILL || keys.has(w.key)) throw new Error(`${definition.key}: window key "${w.key}" is reserved or repeated`);
    if (!/^[a-z0-9-]+$/.test(w.key)) throw new Error(`${definition.key}: window key "${w.key}" must be kebab-case`);
    keys.add(w.key);
  }
  return definition;
}

/** The window keys a scope of the task has, backfill first. */
export function windowKeys(task: SyncTaskDefinition): string[] {
  return [...(task.backfill ? [BACKFILL] : []), ...task.windows.map((w) => w.key)];
}

/** Built tasks have a run; the others are listed (and shown) as not available yet. */
export const isBuiltTask = (task: SyncTaskDefinition) => task.run !== undefined;

export function windowOf(task: SyncTaskDefinition, key: string): WindowDefinition | undefined {
  return task.windows.find((w) => w.key === key);
}

export function windowLabel(task: SyncTaskDefinition, key: string): string {
  if (key === BACKFILL) return `Initial: ${task.backfill?.label ?? "backfill"}`;
  return windowOf(task, key)?.label ?? key;
}

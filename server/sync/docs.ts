import path from "node:path";
import { fileURLToPath } from "node:url";
import { isBuiltTask, type Cadence, type SyncTaskDefinition } from "./kit/definition";
import { SYNC_TASKS } from "./registry";

function cadence(c: Cadence): string {
  switch (c.kind) {
    case "interval":
      return c.minMinutes === c.maxMinutes ? `every ${minutes(c.minMinutes)}` : `every ${minutes(c.minMinutes)}–${minutes(c.maxMinutes)}`;
    case "daily":
      return `daily, after ${String(c.atLocalHour).padStart(2, "0")}:00 local`;
    case "monthly-days":
      return `daily on the ${ordinal(c.fromDay)}–${ordinal(c.toDay)} of each month, after ${String(c.atLocalHour).padStart(2, "0")}:00 local`;
    case "on-demand":
      return "when triggered";
  }
}
const SCOPE_NAMES = { ad_profile: "ad profile", store_marketplace: "store marketplace", store: "store (the whole seller account)" } as const;
const minutes = (m: number) => (m < 120 ? `${m} min` : m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`);
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

function days(task: SyncTaskDefinition, key: string): string {
  const w = task.windows.find((x) => x.key === key)!;
  if (!w.days.length) return "—";
  const ranges = w.days.map((r) => (r.fromDaysAgo === r.toDaysAgo ? `day ${r.fromDaysAgo + 1}` : `days ${r.toDaysAgo + 1}–${r.fromDaysAgo + 1}`));
  return ranges.join(", ") + (w.catchUpDays ? `; after a pause, back to the last success (≤ ${w.catchUpDays} days)` : "");
}

export const SYNC_DOCS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/sync.md");

/** docs/sync.md: what every task of the registry promises and does, rendered from the definitions. */
export function renderSyncDocs(): string {
  const out = [
    "# What Shelfwise syncs",
    "",
    "Generated from the sync registry (`server/sync/registry.ts`) by `npm run docs:sync`; a test fails when",
    "this file and the registry disagree. Days are the local days of the store marketplace or ad profile;",
    "day 1 is today.",
    "",
  ];
  for (const task of SYNC_TASKS as readonly SyncTaskDefinition[]) {
    out.push(`## ${task.title} (${task.specItem})${isBuiltTask(task) ? "" : " — not available yet"}`, "", `> ${task.promise}`, "");
    out.push(`- Task key: \`${task.key}\`, per ${SCOPE_NAMES[task.scope]}`);
    out.push(`- Source: ${task.source.join("; ")}`);
    out.push(`- Writes: ${task.dataset.map((d) => `\`${d}\``).join(", ")}`);
    if (task.backfill) out.push(`- After authorization (\`backfill\`): ${task.backfill.label}`);
    if (task.manual) out.push(`- Manual sync: ${task.manual.label} (${task.manual.path})`);
    if (task.windows.length) {
      out.push("", "| Window | Key | Cadence | Days |", "| --- | --- | --- | --- |");
      for (const w of task.windows) out.push(`| ${w.label} | \`${w.key}\` | ${cadence(w.cadence)} | ${days(task, w.key)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

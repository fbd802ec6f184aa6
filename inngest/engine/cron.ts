import { Cron } from "croner";

/** Inngest cron strings carry their zone as a `TZ=` or `CRON_TZ=` prefix; croner takes it separately. */
export function parseCron(schedule: string): { pattern: string; timezone: string | undefined } {
  const match = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(schedule.trim());
  if (match) return { timezone: match[1], pattern: (match[2] ?? "").trim() };
  return { pattern: schedule.trim(), timezone: undefined };
}

/** The first fire time strictly after `after`. */
export function nextFire(schedule: string, after: Date): Date {
  const { pattern, timezone } = parseCron(schedule);
  const next = new Cron(pattern, { timezone: timezone ?? "UTC", paused: true }).nextRun(after);
  if (!next) throw new Error(`Cron ${schedule} never fires`);
  return next;
}

import { and, asc, between, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adDayRefreshes, adProfiles } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { addDays, localToday } from "~/server/sync/windows";

/** Amazon restates attributed sales up to ~42 days after the day (14-day window + 28-day restatement). */
export const SETTLED_AFTER_DAYS = 42;

export async function connectedProfiles(db: Database, organizationId: string) {
  return db
    .select({ id: adProfiles.id, profileId: adProfiles.profileId, countryCode: adProfiles.countryCode, currencyCode: adProfiles.currencyCode, timeZone: adProfiles.timeZone, accountName: adProfiles.accountName })
    .from(adProfiles)
    .where(and(eq(adProfiles.organizationId, organizationId), eq(adProfiles.connected, true)))
    .orderBy(asc(adProfiles.countryCode));
}

/** The local days of a preset ("last 7 days") in the profile's own zone. */
export function daysOfRange(range: { days: number } | { from: string; to: string }, timeZone: string, now = new Date()) {
  if ("from" in range) return range;
  const to = localToday(timeZone, now);
  return { from: addDays(to, -(range.days - 1)), to };
}

async function profileOf(db: Database, organizationId: string, adProfileId: string) {
  const [p] = await db
    .select()
    .from(adProfiles)
    .where(and(eq(adProfiles.id, adProfileId), eq(adProfiles.organizationId, organizationId)));
  return p ?? null;
}

/**
 * The ad profile a query reads, checked to belong to the caller's organization: an id of another
 * organization's profile is answered like one that does not exist.
 */
export async function ownedProfile(db: Database, organizationId: string, adProfileId: string) {
  const profile = await profileOf(db, organizationId, adProfileId);
  if (!profile) throw new UserFacingError("not_found", "No such ad profile in this organization.");
  return { id: profile.id, profileId: profile.profileId, countryCode: profile.countryCode, currencyCode: profile.currencyCode, timeZone: profile.timeZone };
}

export type RangeInput = { adProfileId: string } & ({ days: number } | { from: string; to: string });

/**
 * How settled each day of a range is: when it was last refreshed from Amazon and whether Amazon may still
 * restate it, instead of hiding recent days.
 */
export async function daySettlement(db: Database, organizationId: string, input: RangeInput) {
  const profile = await profileOf(db, organizationId, input.adProfileId);
  if (!profile) return null;
  const range = daysOfRange(input, profile.timeZone);
  const today = localToday(profile.timeZone, new Date());
  const rows = await db
    .select({ day: adDayRefreshes.day, lastRefreshedAt: adDayRefreshes.lastRefreshedAt, refreshCount: adDayRefreshes.refreshCount })
    .from(adDayRefreshes)
    .where(and(eq(adDayRefreshes.organizationId, organizationId), eq(adDayRefreshes.adProfileId, profile.id), between(adDayRefreshes.day, range.from, range.to)))
    .orderBy(asc(adDayRefreshes.day));
  return rows.map((r) => {
    const age = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.day}T00:00:00Z`)) / 86_400_000);
    return { ...r, ageDays: age, settled: age >= SETTLED_AFTER_DAYS };
  });
}

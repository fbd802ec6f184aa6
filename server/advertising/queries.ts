import { and, asc, between, desc, eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adCampaignDaily, adDayRefreshes, adGroupDaily, adProfiles, adTargetDaily } from "~/db/schema";
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

const totals = <T extends typeof adCampaignDaily | typeof adGroupDaily | typeof adTargetDaily>(t: T) => ({
  impressions: sql<string>`sum(${t.impressions})::text`,
  clicks: sql<string>`sum(${t.clicks})::text`,
  cost: sql<string>`sum(${t.cost})::text`,
  sales: sql<string>`sum(${t.sales7d})::text`,
  orders: sql<string>`sum(${t.purchases7d})::text`,
  units: sql<string>`sum(${t.unitsSold7d})::text`,
  // ACOS = spend / attributed sales, as a percentage; null when there were no sales.
  acos: sql<string | null>`case when sum(${t.sales7d}) > 0 then round(sum(${t.cost}) * 100 / sum(${t.sales7d}), 2)::text end`,
});

export type RangeInput = { adProfileId: string } & ({ days: number } | { from: string; to: string });

/** Campaigns of a profile with their totals over a range of the profile's local days. */
export async function campaignPerformance(db: Database, organizationId: string, input: RangeInput) {
  const profile = await profileOf(db, organizationId, input.adProfileId);
  if (!profile) return null;
  const range = daysOfRange(input, profile.timeZone);
  const t = adCampaignDaily;
  const rows = await db
    .select({
      campaignId: t.campaignId,
      // The latest name and status Amazon reported in the range.
      name: sql<string>`(array_agg(${t.campaignName} order by ${t.day} desc))[1]`,
      status: sql<string>`(array_agg(${t.campaignStatus} order by ${t.day} desc))[1]`,
      ...totals(t),
    })
    .from(t)
    .where(and(eq(t.organizationId, organizationId), eq(t.adProfileId, profile.id), between(t.day, range.from, range.to)))
    .groupBy(t.campaignId)
    .orderBy(desc(sql`sum(${t.cost})`));
  return { profile: { id: profile.id, countryCode: profile.countryCode, currencyCode: profile.currencyCode, timeZone: profile.timeZone }, range, rows };
}

export async function adGroupPerformance(db: Database, organizationId: string, input: RangeInput & { campaignId: string }) {
  const profile = await profileOf(db, organizationId, input.adProfileId);
  if (!profile) return null;
  const range = daysOfRange(input, profile.timeZone);
  const t = adGroupDaily;
  const rows = await db
    .select({ adGroupId: t.adGroupId, name: sql<string>`(array_agg(${t.adGroupName} order by ${t.day} desc))[1]`, ...totals(t) })
    .from(t)
    .where(and(eq(t.organizationId, organizationId), eq(t.adProfileId, profile.id), eq(t.campaignId, input.campaignId), between(t.day, range.from, range.to)))
    .groupBy(t.adGroupId)
    .orderBy(desc(sql`sum(${t.cost})`));
  const [campaign] = await db
    .select({ name: adCampaignDaily.campaignName })
    .from(adCampaignDaily)
    .where(and(eq(adCampaignDaily.organizationId, organizationId), eq(adCampaignDaily.adProfileId, profile.id), eq(adCampaignDaily.campaignId, input.campaignId)))
    .orderBy(desc(adCampaignDaily.day))
    .limit(1);
  return { profile: { id: profile.id, currencyCode: profile.currencyCode, countryCode: profile.countryCode }, range, campaignName: campaign?.name ?? null, rows };
}

export async function targetPerformance(db: Database, organizationId: string, input: RangeInput & { adGroupId: string }) {
  const profile = await profileOf(db, organizationId, input.adProfileId);
  if (!profile) return null;
  const range = daysOfRange(input, profile.timeZone);
  const t = adTargetDaily;
  const rows = await db
    .select({
      targetId: t.targetId,
      targeting: sql<string>`(array_agg(${t.targeting} order by ${t.day} desc))[1]`,
      keywordType: sql<string>`(array_agg(${t.keywordType} order by ${t.day} desc))[1]`,
      matchType: sql<string | null>`(array_agg(${t.matchType} order by ${t.day} desc))[1]`,
      ...totals(t),
    })
    .from(t)
    .where(and(eq(t.organizationId, organizationId), eq(t.adProfileId, profile.id), eq(t.adGroupId, input.adGroupId), between(t.day, range.from, range.to)))
    .groupBy(t.targetId)
    .orderBy(desc(sql`sum(${t.cost})`));
  const [group] = await db
    .select({ name: adGroupDaily.adGroupName, campaignId: adGroupDaily.campaignId })
    .from(adGroupDaily)
    .where(and(eq(adGroupDaily.organizationId, organizationId), eq(adGroupDaily.adProfileId, profile.id), eq(adGroupDaily.adGroupId, input.adGroupId)))
    .orderBy(desc(adGroupDaily.day))
    .limit(1);
  return { profile: { id: profile.id, currencyCode: profile.currencyCode, countryCode: profile.countryCode }, range, adGroupName: group?.name ?? null, campaignId: group?.campaignId ?? null, rows };
}

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

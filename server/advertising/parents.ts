import { and, desc, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adCampaignDaily, adEntities, adGroupDaily } from "~/db/schema";
import { ownedProfile } from "./queries";

export interface Parents {
  campaign: { id: string; name: string | null } | null;
  adGroup: { id: string; name: string | null; campaignId: string | null } | null;
}

/**
 * The campaign and ad group a drill-down page is narrowed to, by name: the synced entity's, or else the
 * latest name a report gave it (a campaign can spend before the product has synced it).
 */
export async function parentsOf(
  db: Database,
  organizationId: string,
  ids: { adProfileId: string; campaignId?: string; adGroupId?: string },
): Promise<Parents> {
  const { id: adProfileId } = await ownedProfile(db, organizationId, ids.adProfileId);
  const entity = async (kind: "campaign" | "adGroup", entityId: string) => {
    const [row] = await db
      .select({ name: adEntities.name, campaignId: adEntities.campaignId })
      .from(adEntities)
      .where(and(eq(adEntities.organizationId, organizationId), eq(adEntities.adProfileId, adProfileId), eq(adEntities.kind, kind), eq(adEntities.entityId, entityId)));
    return row ?? null;
  };
  let campaign: Parents["campaign"] = null;
  if (ids.campaignId) {
    const synced = await entity("campaign", ids.campaignId);
    const [reported] = synced
      ? [null]
      : await db
          .select({ name: adCampaignDaily.campaignName })
          .from(adCampaignDaily)
          .where(and(eq(adCampaignDaily.organizationId, organizationId), eq(adCampaignDaily.adProfileId, adProfileId), eq(adCampaignDaily.campaignId, ids.campaignId)))
          .orderBy(desc(adCampaignDaily.day))
          .limit(1);
    campaign = { id: ids.campaignId, name: synced?.name ?? reported?.name ?? null };
  }
  let adGroup: Parents["adGroup"] = null;
  if (ids.adGroupId) {
    const synced = await entity("adGroup", ids.adGroupId);
    const [reported] = synced
      ? [null]
      : await db
          .select({ name: adGroupDaily.adGroupName, campaignId: adGroupDaily.campaignId })
          .from(adGroupDaily)
          .where(and(eq(adGroupDaily.organizationId, organizationId), eq(adGroupDaily.adProfileId, adProfileId), eq(adGroupDaily.adGroupId, ids.adGroupId)))
          .orderBy(desc(adGroupDaily.day))
          .limit(1);
    adGroup = { id: ids.adGroupId, name: synced?.name ?? reported?.name ?? null, campaignId: synced?.campaignId ?? reported?.campaignId ?? null };
  }
  return { campaign, adGroup };
}

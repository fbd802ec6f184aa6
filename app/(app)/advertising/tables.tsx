"use client";

import { api } from "~/app/_trpc/react";
import { PerformanceTable } from "./performance-table";
import { NoDataYetClient } from "./no-data";

export function CampaignTable({ adProfileId, days, query }: { adProfileId: string; days: number; query: string }) {
  const [data] = api.advertising.campaigns.useSuspenseQuery({ adProfileId, days });
  if (!data || data.rows.length === 0) return <NoDataYetClient what="campaign activity" />;
  return (
    <PerformanceTable
      testId="campaigns"
      nameLabel="Campaign"
      currency={data.profile.currencyCode}
      rows={data.rows.map((r) => ({ ...r, id: r.campaignId, detail: r.status, href: `/advertising/campaigns/${r.campaignId}?${query}` }))}
    />
  );
}

export function AdGroupTable({ adProfileId, days, campaignId, query }: { adProfileId: string; days: number; campaignId: string; query: string }) {
  const [data] = api.advertising.adGroups.useSuspenseQuery({ adProfileId, days, campaignId });
  if (!data || data.rows.length === 0) return <NoDataYetClient what="ad group activity" />;
  return (
    <PerformanceTable
      testId="ad-groups"
      nameLabel="Ad group"
      currency={data.profile.currencyCode}
      rows={data.rows.map((r) => ({ ...r, id: r.adGroupId, href: `/advertising/ad-groups/${r.adGroupId}?${query}` }))}
    />
  );
}

export function TargetTable({ adProfileId, days, adGroupId }: { adProfileId: string; days: number; adGroupId: string }) {
  const [data] = api.advertising.targets.useSuspenseQuery({ adProfileId, days, adGroupId });
  if (!data || data.rows.length === 0) return <NoDataYetClient what="keyword or target activity" />;
  return (
    <PerformanceTable
      testId="targets"
      nameLabel="Keyword / target"
      currency={data.profile.currencyCode}
      rows={data.rows.map((r) => ({ ...r, id: r.targetId, name: r.targeting, detail: r.matchType ?? r.keywordType }))}
    />
  );
}

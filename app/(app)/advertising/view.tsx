import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { DateRangePicker } from "~/app/_components/date-range-picker";
import { EmptyState } from "~/app/_components/empty-state";
import { PageHeader } from "~/app/_components/page-header";
import { rangeDays } from "~/app/_components/range";
import { api } from "~/app/_trpc/server";
import { DaySettlement } from "./day-settlement";
import { ProfileSwitcher } from "./profile-switcher";

export interface AdvertisingSearch {
  profile?: string;
  range?: string;
}

/** The chosen ad profile and date range of an advertising view, or the empty state when there is none. */
export async function advertisingView(search: AdvertisingSearch) {
  const profiles = await api.advertising.profiles();
  const profile = profiles.find((p) => p.id === search.profile) ?? profiles[0] ?? null;
  return { profiles, profile, days: rangeDays(search.range) };
}

export function NoAdProfile() {
  return (
    <>
      <PageHeader title="Advertising" description="Sponsored Products performance by campaign, ad group, keyword and target." />
      <EmptyState
        title="No ad profile connected"
        action={
          <Link href="/settings/amazon" className="btn-primary">
            Go to Amazon authorizations
          </Link>
        }
      >
        <p>Authorize Amazon Ads and connect a profile; its last 60 days of advertising data then arrive within minutes.</p>
      </EmptyState>
    </>
  );
}

export function AdvertisingHeader(props: {
  title: string;
  description: string;
  profiles: Awaited<ReturnType<typeof advertisingView>>["profiles"];
  profileId: string;
  days: number;
  breadcrumb?: ReactNode;
}) {
  return (
    <>
      {props.breadcrumb && <div className="mb-1 text-xs text-slate-500">{props.breadcrumb}</div>}
      <PageHeader title={props.title} description={props.description}>
        <Suspense>
          <ProfileSwitcher profiles={props.profiles} value={props.profileId} />
          <DateRangePicker />
        </Suspense>
      </PageHeader>
      <DaySettlement adProfileId={props.profileId} days={props.days} />
    </>
  );
}

import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { DateRangePicker } from "~/app/_components/date-range-picker";
import { EmptyState } from "~/app/_components/empty-state";
import { PageHeader } from "~/app/_components/page-header";
import { rangeDays } from "~/app/_components/range";
import { api } from "~/app/_trpc/server";
import { DaySettlement } from "./day-settlement";
import { ProfileSwitcher } from "./profile-switcher";
import { AdvertisingTabs, type AdvertisingTab } from "./tabs";

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

/** The part of an advertising URL every tab and drill-down keeps: the profile and the date range. */
export function keptQuery(profileId: string, search: AdvertisingSearch): string {
  const query = new URLSearchParams({ profile: profileId });
  if (search.range) query.set("range", search.range);
  return query.toString();
}

export function NoAdProfile() {
  return (
    <>
      <PageHeader title="Advertising" description="Sponsored Products campaigns, ad groups, keywords, targets and products: their settings and performance." />
      <EmptyState
        title="No ad profile connected"
        action={
          <Link href="/settings/amazon" className="btn-primary">
            Go to Amazon authorizations
          </Link>
        }
      >
        <p>Authorize Amazon Ads and connect a profile; its campaigns and their settings, and the last 60 days of advertising data, then arrive within minutes.</p>
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
  /** The module's tab this page is; drill-down pages have a breadcrumb instead. */
  tab?: AdvertisingTab;
  query: string;
  breadcrumb?: ReactNode;
  /** The history has no date range: it lists changes, not a range's performance. */
  withRange?: boolean;
}) {
  const withRange = props.withRange ?? true;
  return (
    <>
      {props.breadcrumb && <div className="mb-1 text-xs text-slate-500">{props.breadcrumb}</div>}
      <PageHeader title={props.title} description={props.description}>
        <Suspense>
          <ProfileSwitcher profiles={props.profiles} value={props.profileId} />
          {withRange && <DateRangePicker />}
        </Suspense>
      </PageHeader>
      {props.tab && <AdvertisingTabs active={props.tab} query={props.query} />}
      {withRange && <DaySettlement adProfileId={props.profileId} days={props.days} />}
    </>
  );
}

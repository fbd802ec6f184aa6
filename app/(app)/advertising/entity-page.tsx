import { Suspense, type ReactNode } from "react";
import { api, HydrateClient } from "~/app/_trpc/server";
import { entityInputFromUrl } from "~/server/advertising/entity-list-input";
import { ENTITY_URL_KEYS, type EntityListKey } from "~/server/advertising/vocabulary";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { hasRole } from "~/server/organizations/roles";
import { EntityTable } from "./entity-table";
import type { AdvertisingTab } from "./tabs";
import { AdvertisingHeader, advertisingView, keptQuery, NoAdProfile } from "./view";

/** The URL of an entity page read once: its filters, and the ad profile and range it shows. */
export async function entityPageView(searchParams: Promise<SearchParams>) {
  const search = readSearchParams(await searchParams, ENTITY_URL_KEYS);
  return { search, ...(await advertisingView(search)) };
}

/** The table's CSV: every row its filters select (not only this page). */
function exportHref(list: EntityListKey, adProfileId: string, search: Partial<Record<string, string>>, parents: { campaignId?: string; adGroupId?: string } = {}) {
  const params = new URLSearchParams({ list });
  for (const [key, value] of Object.entries(search)) if (value && key !== "page") params.set(key, value);
  params.set("profile", adProfileId);
  if (parents.campaignId) params.set("campaignId", parents.campaignId);
  if (parents.adGroupId) params.set("adGroupId", parents.adGroupId);
  return `/api/export/ad-entities?${params.toString()}`;
}

/**
 * A page of the Advertising module that is one entity table: a tab (campaigns, ad groups, keywords and
 * targets, products, negatives), or a campaign's or ad group's drill-down. The URL's filters become the
 * table's input, prefetched here.
 */
export async function EntityPage(props: {
  list: EntityListKey;
  view: Awaited<ReturnType<typeof entityPageView>>;
  title: string;
  description: string;
  tab?: AdvertisingTab;
  breadcrumb?: ReactNode;
  parents?: { campaignId?: string; adGroupId?: string };
  /** What an operator may create on this page (New campaign, Add keywords…); viewers do not see it. */
  actions?: (profile: { adProfileId: string; currency: string }) => ReactNode;
}) {
  const { search, profiles, profile, days } = props.view;
  if (!profile) return <NoAdProfile />;
  const input = entityInputFromUrl({ adProfileId: profile.id, days }, search, props.parents);
  const current = await api.organization.current();
  const canEdit = hasRole(current.role, "operator");
  void api.advertising[props.list].prefetch(input);
  if (props.list !== "negatives") void api.advertising.daySettlement.prefetch({ adProfileId: profile.id, days });
  const query = keptQuery(profile.id, search);
  return (
    <HydrateClient>
      <AdvertisingHeader
        title={props.title}
        description={props.description}
        profiles={profiles}
        profileId={profile.id}
        days={days}
        tab={props.tab}
        query={query}
        breadcrumb={props.breadcrumb}
        // Negatives have no performance: no range to choose.
        withRange={props.list !== "negatives"}
      />
      <div className="mb-3 flex flex-wrap items-start gap-2">
        {canEdit && props.actions?.({ adProfileId: profile.id, currency: profile.currencyCode })}
        <a className="btn ml-auto" href={exportHref(props.list, profile.id, search, props.parents)} data-testid="ad-entities-export" download>
          Export CSV
        </a>
      </div>
      <Suspense>
        {/* A new selection for every new view: rows selected under other filters are not silently synced. */}
        <EntityTable key={JSON.stringify(input)} list={props.list} input={input} canEdit={canEdit} query={query} />
      </Suspense>
    </HydrateClient>
  );
}

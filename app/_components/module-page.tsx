import { Suspense } from "react";
import { AuthorizeStoreLink, EmptyState } from "./empty-state";
import { DateRangePicker } from "./date-range-picker";
import { MarketplaceSwitcher } from "./marketplace-switcher";
import { MODULES } from "./modules";
import { PageHeader } from "./page-header";

/**
 * A module whose data is not synchronized yet: it says what will be there and what it needs, and shows
 * no numbers until real ones exist.
 */
export function ModuleEmptyPage({ href }: { href: string }) {
  const info = MODULES.find((m) => m.href === href);
  if (!info) throw new Error(`Unknown module ${href}`);
  const source =
    info.needs === "ads"
      ? "your Amazon Ads account"
      : info.needs === "store-or-ads"
        ? "your Amazon store or Ads account"
        : "your Amazon store";
  return (
    <>
      <PageHeader title={info.label} description={info.description}>
        <Suspense>
          <MarketplaceSwitcher marketplaces={[]} />
          <DateRangePicker />
        </Suspense>
      </PageHeader>
      <EmptyState title="No data yet" action={<AuthorizeStoreLink />}>
        <p>
          This organization has no synchronized data for {info.label}. It fills in once {source} is authorized and
          its first synchronization has run.
        </p>
      </EmptyState>
    </>
  );
}

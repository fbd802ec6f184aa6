import Link from "next/link";

/** The Advertising module's tabs, as Seller Central's campaign manager groups them, its search terms and its history. */
const TABS = [
  { key: "campaigns", href: "/advertising", label: "Campaigns" },
  { key: "adGroups", href: "/advertising/ad-groups", label: "Ad groups" },
  { key: "targets", href: "/advertising/targets", label: "Keywords & targets" },
  { key: "products", href: "/advertising/products", label: "Products" },
  { key: "negatives", href: "/advertising/negatives", label: "Negatives" },
  { key: "searchTerms", href: "/advertising/search-terms", label: "Search terms" },
  { key: "history", href: "/advertising/history", label: "History" },
] as const;

export type AdvertisingTab = (typeof TABS)[number]["key"];

/** Links that keep the profile and the date range (a tab's own filters start over). */
export function AdvertisingTabs({ active, query }: { active: AdvertisingTab; query: string }) {
  return (
    <nav className="mb-3 flex gap-1 border-b border-slate-200" aria-label="Advertising tables">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={`${tab.href}?${query}`}
          aria-current={tab.key === active ? "page" : undefined}
          data-testid={`advertising-tab-${tab.key}`}
          className={`-mb-px border-b-2 px-3 py-1.5 ${tab.key === active ? "border-brand-600 font-medium text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

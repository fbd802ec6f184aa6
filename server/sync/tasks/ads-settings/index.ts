import { defineSyncTask } from "../../kit/definition";

/** Advertising data ③: listed with its promise; its run is not built yet (the Sync center says so). */
export const adsSettings = defineSyncTask({
  key: "ads-settings",
  title: "Ad settings (bids, budgets, status)",
  specItem: "Advertising data ③",
  promise:
    "Changes made in Amazon Seller Central to bids, budgets or Enable/Pause status are synchronized in about 12 hours. You can also synchronize immediately: Advertising → Bulk Actions → Synchronize Budget/Bid or Status.",
  scope: "ad_profile",
  source: ["Sponsored Products v3: campaigns, ad groups, keywords, targets list"],
  dataset: ["ad_campaigns", "ad_groups", "ad_targets"],
  windows: [
    { key: "all-entities", label: "all entities", cadence: { kind: "interval", minMinutes: 12 * 60, maxMinutes: 12 * 60 + 30 }, days: [] },
  ],
  manual: { label: "Synchronize Budget/Bid or Status", path: "/advertising" },
});

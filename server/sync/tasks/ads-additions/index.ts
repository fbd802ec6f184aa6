import { defineSyncTask } from "../../kit/definition";

/** Advertising data ④: listed with its promise; its run is not built yet (the Sync center says so). */
export const adsAdditions = defineSyncTask({
  key: "ads-additions",
  title: "Ad additions",
  specItem: "Advertising data ④",
  promise:
    "Campaigns, ad groups, promoted products and targeting added in Seller Central appear once they receive impressions. You can also synchronize directly: Advertising → Bulk Actions → Synchronize Amazon Additions.",
  scope: "ad_profile",
  source: ["Sponsored Products v3 list (entities not yet known)", "Ads reporting v3: spCampaigns, spTargeting, spAdvertisedProduct, spSearchTerm (DAILY)"],
  dataset: ["ad_campaigns", "ad_groups", "ad_targets", "ad_product_ads"],
  windows: [],
  manual: { label: "Synchronize Amazon Additions", path: "/advertising" },
});

/** The events an authorization emits; the initial syncs subscribe to them (inngest/events.ts declares them). */
export type AuthorizationEvent =
  | {
      name: "amazon/store.authorized";
      data: { organizationId: string; storeId: string; sellerId: string; marketplaceIds: string[] };
    }
  | { name: "amazon/store.disconnected"; data: { organizationId: string; storeId: string; storeMarketplaceIds: string[] } }
  | { name: "amazon/ads.authorized"; data: { organizationId: string; adProfileIds: string[] } }
  | { name: "amazon/ads.disconnected"; data: { organizationId: string; adProfileId: string } };

export type Publish = (event: AuthorizationEvent) => Promise<void>;

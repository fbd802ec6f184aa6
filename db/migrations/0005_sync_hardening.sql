ALTER TABLE "ad_profiles" DROP CONSTRAINT "ad_profiles_profileId_unique";--> statement-breakpoint
ALTER TABLE "stores" DROP CONSTRAINT "stores_sellingPartnerId_region_unique";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "items_synced_for" timestamp with time zone;--> statement-breakpoint
-- Orders already holding items count as loaded for their current version; the rest are fetched next run.
UPDATE "orders" o SET "items_synced_for" = o."last_update_date" WHERE EXISTS (SELECT 1 FROM "order_items" i WHERE i."store_marketplace_id" = o."store_marketplace_id" AND i."amazon_order_id" = o."amazon_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ad_profiles_connected_profile" ON "ad_profiles" USING btree ("profile_id") WHERE "ad_profiles"."connected";--> statement-breakpoint
CREATE UNIQUE INDEX "stores_connected_seller" ON "stores" USING btree ("selling_partner_id","region") WHERE "stores"."grant_id" is not null;--> statement-breakpoint
ALTER TABLE "ad_profiles" ADD CONSTRAINT "ad_profiles_organizationId_profileId_unique" UNIQUE("organization_id","profile_id");--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_organizationId_sellingPartnerId_region_unique" UNIQUE("organization_id","selling_partner_id","region");
CREATE TABLE "products" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"asin" text,
	"title" text,
	"listing_id" text,
	"price" numeric(18, 4),
	"currency" text NOT NULL,
	"quantity" integer,
	"pending_quantity" integer,
	"status" text NOT NULL,
	"fulfillment_channel" text NOT NULL,
	"fulfilled_by" text NOT NULL,
	"opened_at" timestamp with time zone,
	"open_day" text,
	"image_url" text,
	"item_condition" text,
	"product_id" text,
	"product_id_type" text,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "products_store_marketplace_id_sku_pk" PRIMARY KEY("store_marketplace_id","sku")
);
--> statement-breakpoint
CREATE INDEX "products_organization_id_store_marketplace_id_asin_index" ON "products" USING btree ("organization_id","store_marketplace_id","asin");--> statement-breakpoint
-- A synced report table: its scope is checked per statement and its rows go with their marketplace (0010).
CREATE TRIGGER "products_scope_on_insert" AFTER INSERT ON "products" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "products_scope_on_update" AFTER UPDATE ON "products" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
DROP TRIGGER "store_marketplaces_delete_synced_rows" ON "store_marketplaces";
--> statement-breakpoint
CREATE TRIGGER "store_marketplaces_delete_synced_rows" AFTER DELETE ON "store_marketplaces" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_delete_with_scope"('removal_orders', 'store_marketplace_id', 'storage_fees', 'store_marketplace_id', 'long_term_storage_fees', 'store_marketplace_id', 'products', 'store_marketplace_id');
--> statement-breakpoint
-- Amazon's ids compare byte by byte (0010).
ALTER TABLE "products" ALTER COLUMN "sku" TYPE text COLLATE "C";

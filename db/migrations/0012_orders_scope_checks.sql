ALTER TABLE "order_items" DROP CONSTRAINT "order_items_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_store_marketplace_id_store_marketplaces_id_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_store_marketplace_id_store_marketplaces_id_fk";
--> statement-breakpoint
DROP INDEX "order_items_organization_id_index";--> statement-breakpoint
-- Orders and their items are synced tables too (a year of a big seller's orders is a million rows): their
-- scope is checked per statement and they go with their marketplace, as the report tables of 0010.
CREATE TRIGGER "orders_scope_on_insert" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "orders_scope_on_update" AFTER UPDATE ON "orders" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "order_items_scope_on_insert" AFTER INSERT ON "order_items" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "order_items_scope_on_update" AFTER UPDATE ON "order_items" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
DROP TRIGGER "store_marketplaces_delete_synced_rows" ON "store_marketplaces";
--> statement-breakpoint
CREATE TRIGGER "store_marketplaces_delete_synced_rows" AFTER DELETE ON "store_marketplaces" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_delete_with_scope"('removal_orders', 'store_marketplace_id', 'storage_fees', 'store_marketplace_id', 'long_term_storage_fees', 'store_marketplace_id', 'products', 'store_marketplace_id', 'orders', 'store_marketplace_id', 'order_items', 'store_marketplace_id');
--> statement-breakpoint
-- Amazon's ids and ISO days compare byte by byte (0010).
ALTER TABLE "orders" ALTER COLUMN "amazon_order_id" TYPE text COLLATE "C", ALTER COLUMN "purchase_day" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "order_items" ALTER COLUMN "amazon_order_id" TYPE text COLLATE "C", ALTER COLUMN "order_item_id" TYPE text COLLATE "C";

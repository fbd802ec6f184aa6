ALTER TABLE "ad_campaign_daily" DROP CONSTRAINT "ad_campaign_daily_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_campaign_daily" DROP CONSTRAINT "ad_campaign_daily_ad_profile_id_ad_profiles_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_group_daily" DROP CONSTRAINT "ad_group_daily_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_group_daily" DROP CONSTRAINT "ad_group_daily_ad_profile_id_ad_profiles_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_product_daily" DROP CONSTRAINT "ad_product_daily_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_product_daily" DROP CONSTRAINT "ad_product_daily_ad_profile_id_ad_profiles_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_search_term_daily" DROP CONSTRAINT "ad_search_term_daily_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_search_term_daily" DROP CONSTRAINT "ad_search_term_daily_ad_profile_id_ad_profiles_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_target_daily" DROP CONSTRAINT "ad_target_daily_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "ad_target_daily" DROP CONSTRAINT "ad_target_daily_ad_profile_id_ad_profiles_id_fk";
--> statement-breakpoint
ALTER TABLE "long_term_storage_fees" DROP CONSTRAINT "long_term_storage_fees_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "long_term_storage_fees" DROP CONSTRAINT "long_term_storage_fees_store_marketplace_id_store_marketplaces_id_fk";
--> statement-breakpoint
ALTER TABLE "storage_fees" DROP CONSTRAINT "storage_fees_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "storage_fees" DROP CONSTRAINT "storage_fees_store_marketplace_id_store_marketplaces_id_fk";
--> statement-breakpoint
ALTER TABLE "reimbursements" DROP CONSTRAINT "reimbursements_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "reimbursements" DROP CONSTRAINT "reimbursements_store_id_stores_id_fk";
--> statement-breakpoint
ALTER TABLE "removal_orders" DROP CONSTRAINT "removal_orders_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "removal_orders" DROP CONSTRAINT "removal_orders_store_marketplace_id_store_marketplaces_id_fk";
--> statement-breakpoint
-- Synced report tables take a million rows in one statement. A foreign key checks each row on its own (a
-- lookup and a row lock per row: most of a load's time); these triggers check each statement once, with the
-- same guarantees: every row's scope exists and belongs to the row's organization (stronger than the two
-- separate keys were), the scope is locked against deletion until the load commits, and deleting a scope
-- (or its organization, through the scope) deletes its rows.
CREATE FUNCTION "synced_rows_check_scope"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  scope_column text := TG_ARGV[0];
  parent text := TG_ARGV[1];
  missing uuid;
BEGIN
  EXECUTE format('SELECT 1 FROM %I p WHERE p.id IN (SELECT DISTINCT n.%I FROM new_rows n) FOR KEY SHARE', parent, scope_column);
  EXECUTE format(
    'SELECT n.scope FROM (SELECT DISTINCT %I AS scope, organization_id FROM new_rows) n LEFT JOIN %I p ON p.id = n.scope AND p.organization_id = n.organization_id WHERE p.id IS NULL LIMIT 1',
    scope_column, parent)
  INTO missing;
  -- (EXECUTE leaves FOUND alone: test the value.)
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'insert or update on table "%" violates its scope check: % % of that organization does not exist', TG_TABLE_NAME, parent, missing
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "synced_rows_delete_with_scope"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV: pairs of (table, scope column) whose rows belong to the deleted rows of this table.
  FOR i IN 0 .. TG_NARGS - 1 BY 2 LOOP
    EXECUTE format('DELETE FROM %I WHERE %I IN (SELECT id FROM old_rows)', TG_ARGV[i], TG_ARGV[i + 1]);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "ad_campaign_daily_scope_on_insert" AFTER INSERT ON "ad_campaign_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_campaign_daily_scope_on_update" AFTER UPDATE ON "ad_campaign_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_group_daily_scope_on_insert" AFTER INSERT ON "ad_group_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_group_daily_scope_on_update" AFTER UPDATE ON "ad_group_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_target_daily_scope_on_insert" AFTER INSERT ON "ad_target_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_target_daily_scope_on_update" AFTER UPDATE ON "ad_target_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_product_daily_scope_on_insert" AFTER INSERT ON "ad_product_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_product_daily_scope_on_update" AFTER UPDATE ON "ad_product_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_search_term_daily_scope_on_insert" AFTER INSERT ON "ad_search_term_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "ad_search_term_daily_scope_on_update" AFTER UPDATE ON "ad_search_term_daily" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('ad_profile_id', 'ad_profiles');
--> statement-breakpoint
CREATE TRIGGER "removal_orders_scope_on_insert" AFTER INSERT ON "removal_orders" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "removal_orders_scope_on_update" AFTER UPDATE ON "removal_orders" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "storage_fees_scope_on_insert" AFTER INSERT ON "storage_fees" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "storage_fees_scope_on_update" AFTER UPDATE ON "storage_fees" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "long_term_storage_fees_scope_on_insert" AFTER INSERT ON "long_term_storage_fees" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "long_term_storage_fees_scope_on_update" AFTER UPDATE ON "long_term_storage_fees" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "reimbursements_scope_on_insert" AFTER INSERT ON "reimbursements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_id', 'stores');
--> statement-breakpoint
CREATE TRIGGER "reimbursements_scope_on_update" AFTER UPDATE ON "reimbursements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_id', 'stores');
--> statement-breakpoint
CREATE TRIGGER "ad_profiles_delete_synced_rows" AFTER DELETE ON "ad_profiles" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_delete_with_scope"('ad_campaign_daily', 'ad_profile_id', 'ad_group_daily', 'ad_profile_id', 'ad_target_daily', 'ad_profile_id', 'ad_product_daily', 'ad_profile_id', 'ad_search_term_daily', 'ad_profile_id');
--> statement-breakpoint
CREATE TRIGGER "store_marketplaces_delete_synced_rows" AFTER DELETE ON "store_marketplaces" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_delete_with_scope"('removal_orders', 'store_marketplace_id', 'storage_fees', 'store_marketplace_id', 'long_term_storage_fees', 'store_marketplace_id');
--> statement-breakpoint
CREATE TRIGGER "stores_delete_synced_rows" AFTER DELETE ON "stores" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_delete_with_scope"('reimbursements', 'store_id');
--> statement-breakpoint
-- Amazon's ids and ISO days compare byte by byte: the "C" collation builds their keys' indexes a third
-- faster than the database's locale, and sorts them as C.UTF-8 does (by code point).
ALTER TABLE "ad_campaign_daily" ALTER COLUMN "campaign_id" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "ad_group_daily" ALTER COLUMN "ad_group_id" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "ad_target_daily" ALTER COLUMN "target_id" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "ad_product_daily" ALTER COLUMN "ad_id" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "ad_search_term_daily" ALTER COLUMN "target_id" TYPE text COLLATE "C", ALTER COLUMN "search_term" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "removal_orders" ALTER COLUMN "order_id" TYPE text COLLATE "C", ALTER COLUMN "sku" TYPE text COLLATE "C", ALTER COLUMN "fnsku" TYPE text COLLATE "C", ALTER COLUMN "disposition" TYPE text COLLATE "C", ALTER COLUMN "request_day" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "reimbursements" ALTER COLUMN "reimbursement_id" TYPE text COLLATE "C", ALTER COLUMN "sku" TYPE text COLLATE "C", ALTER COLUMN "fnsku" TYPE text COLLATE "C", ALTER COLUMN "approval_day" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "long_term_storage_fees" ALTER COLUMN "snapshot_date" TYPE text COLLATE "C", ALTER COLUMN "sku" TYPE text COLLATE "C", ALTER COLUMN "fnsku" TYPE text COLLATE "C", ALTER COLUMN "surcharge_age_tier" TYPE text COLLATE "C", ALTER COLUMN "month_day" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "storage_fees" ALTER COLUMN "month_day" TYPE text COLLATE "C", ALTER COLUMN "asin" TYPE text COLLATE "C", ALTER COLUMN "fnsku" TYPE text COLLATE "C", ALTER COLUMN "fulfillment_center" TYPE text COLLATE "C";

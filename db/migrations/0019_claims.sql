CREATE TABLE "claim_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"claim_case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"transition" text NOT NULL,
	"actor_user_id" uuid,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_ref" text NOT NULL,
	"sku" text,
	"fnsku" text,
	"asin" text,
	"title" text,
	"units" integer NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"event_day" text NOT NULL,
	"eligible_from" text NOT NULL,
	"deadline" text NOT NULL,
	"currency" text,
	"unit_value" numeric(18, 4),
	"value_basis" text,
	"evidence" jsonb NOT NULL,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"reimbursement_id" text,
	"reimbursed_amount" numeric(18, 4),
	"analyzed_at" timestamp with time zone NOT NULL,
	"amazon_case_id" text,
	"submitted_on" text,
	"submitted_by" uuid,
	"submissions" integer DEFAULT 0 NOT NULL,
	"lapsed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_shipment_items" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"shipment_id" text NOT NULL,
	"sku" text NOT NULL,
	"fnsku" text,
	"quantity_shipped" integer NOT NULL,
	"quantity_received" integer NOT NULL,
	"quantity_in_case" integer,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inbound_shipment_items_store_marketplace_id_shipment_id_sku_pk" PRIMARY KEY("store_marketplace_id","shipment_id","sku")
);
--> statement-breakpoint
CREATE TABLE "inbound_shipments" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"shipment_id" text NOT NULL,
	"name" text,
	"status" text NOT NULL,
	"destination_fulfillment_center_id" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"delivered_seen_at" timestamp with time zone,
	"closed_seen_at" timestamp with time zone,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inbound_shipments_store_marketplace_id_shipment_id_pk" PRIMARY KEY("store_marketplace_id","shipment_id")
);
--> statement-breakpoint
CREATE TABLE "inventory_ledger_events" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"event_day" text NOT NULL,
	"event_type" text NOT NULL,
	"reference_id" text NOT NULL,
	"fnsku" text NOT NULL,
	"fulfillment_center" text NOT NULL,
	"disposition" text NOT NULL,
	"reason" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"sku" text,
	"asin" text,
	"title" text,
	"quantity" integer NOT NULL,
	"country" text,
	"reconciled_quantity" integer,
	"unreconciled_quantity" integer,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_ledger_events_store_marketplace_id_event_day_event_type_reference_id_fnsku_fulfillment_center_disposition_reason_pk" PRIMARY KEY("store_marketplace_id","event_day","event_type","reference_id","fnsku","fulfillment_center","disposition","reason")
);
--> statement-breakpoint
ALTER TABLE "claim_case_events" ADD CONSTRAINT "claim_case_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_case_events" ADD CONSTRAINT "claim_case_events_claim_case_id_claim_cases_id_fk" FOREIGN KEY ("claim_case_id") REFERENCES "public"."claim_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_case_events" ADD CONSTRAINT "claim_case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_cases" ADD CONSTRAINT "claim_cases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_cases" ADD CONSTRAINT "claim_cases_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_cases" ADD CONSTRAINT "claim_cases_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_cases" ADD CONSTRAINT "claim_cases_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_shipment_items" ADD CONSTRAINT "inbound_shipment_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_shipment_items" ADD CONSTRAINT "inbound_shipment_items_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_shipments" ADD CONSTRAINT "inbound_shipments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_shipments" ADD CONSTRAINT "inbound_shipments_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_case_events_claim_case_id_at_index" ON "claim_case_events" USING btree ("claim_case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_cases_store_marketplace_id_kind_source_ref_index" ON "claim_cases" USING btree ("store_marketplace_id","kind","source_ref");--> statement-breakpoint
CREATE INDEX "claim_cases_organization_id_deadline_index" ON "claim_cases" USING btree ("organization_id","deadline");--> statement-breakpoint
CREATE INDEX "inbound_shipment_items_organization_id_index" ON "inbound_shipment_items" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "inbound_shipments_organization_id_index" ON "inbound_shipments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "inventory_ledger_events_organization_id_event_day_index" ON "inventory_ledger_events" USING btree ("organization_id","event_day");--> statement-breakpoint
CREATE INDEX "inventory_ledger_events_store_marketplace_id_fnsku_event_type_index" ON "inventory_ledger_events" USING btree ("store_marketplace_id","fnsku","event_type");--> statement-breakpoint
-- The ledger is a synced report table of a million rows: its scope is checked once per statement, as in
-- 0010_synced_scope_checks.sql, and its rows go with their marketplace (beside every table 0012 listed).
CREATE TRIGGER "inventory_ledger_events_scope_on_insert" AFTER INSERT ON "inventory_ledger_events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
CREATE TRIGGER "inventory_ledger_events_scope_on_update" AFTER UPDATE ON "inventory_ledger_events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_check_scope"('store_marketplace_id', 'store_marketplaces');
--> statement-breakpoint
DROP TRIGGER "store_marketplaces_delete_synced_rows" ON "store_marketplaces";
--> statement-breakpoint
CREATE TRIGGER "store_marketplaces_delete_synced_rows" AFTER DELETE ON "store_marketplaces" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "synced_rows_delete_with_scope"('removal_orders', 'store_marketplace_id', 'storage_fees', 'store_marketplace_id', 'long_term_storage_fees', 'store_marketplace_id', 'products', 'store_marketplace_id', 'orders', 'store_marketplace_id', 'order_items', 'store_marketplace_id', 'inventory_ledger_events', 'store_marketplace_id');
--> statement-breakpoint
ALTER TABLE "inventory_ledger_events" ALTER COLUMN "reference_id" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "inventory_ledger_events" ALTER COLUMN "fnsku" TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "inventory_ledger_events" ALTER COLUMN "event_day" TYPE text COLLATE "C";

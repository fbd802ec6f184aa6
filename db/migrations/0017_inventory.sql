CREATE TABLE "inventory_history" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"seller_sku" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"fulfillable" integer NOT NULL,
	"inbound_working" integer NOT NULL,
	"inbound_shipped" integer NOT NULL,
	"inbound_receiving" integer NOT NULL,
	"reserved" integer NOT NULL,
	"researching" integer NOT NULL,
	"unfulfillable" integer NOT NULL,
	"total_quantity" integer NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "inventory_history_store_marketplace_id_seller_sku_observed_at_pk" PRIMARY KEY("store_marketplace_id","seller_sku","observed_at")
);
--> statement-breakpoint
CREATE TABLE "inventory_levels" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"seller_sku" text NOT NULL,
	"asin" text,
	"fnsku" text,
	"condition" text,
	"product_name" text,
	"amazon_updated_at" timestamp with time zone,
	"fulfillable" integer NOT NULL,
	"inbound_working" integer NOT NULL,
	"inbound_shipped" integer NOT NULL,
	"inbound_receiving" integer NOT NULL,
	"reserved" integer NOT NULL,
	"researching" integer NOT NULL,
	"unfulfillable" integer NOT NULL,
	"total_quantity" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "inventory_levels_store_marketplace_id_seller_sku_pk" PRIMARY KEY("store_marketplace_id","seller_sku")
);
--> statement-breakpoint
CREATE TABLE "inventory_staging" (
	"store_marketplace_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"seller_sku" text NOT NULL,
	"asin" text,
	"fnsku" text,
	"condition" text,
	"product_name" text,
	"amazon_updated_at" timestamp with time zone,
	"fulfillable" integer NOT NULL,
	"inbound_working" integer NOT NULL,
	"inbound_shipped" integer NOT NULL,
	"inbound_receiving" integer NOT NULL,
	"reserved" integer NOT NULL,
	"researching" integer NOT NULL,
	"unfulfillable" integer NOT NULL,
	"total_quantity" integer NOT NULL,
	CONSTRAINT "inventory_staging_store_marketplace_id_run_id_seller_sku_pk" PRIMARY KEY("store_marketplace_id","run_id","seller_sku")
);
--> statement-breakpoint
ALTER TABLE "inventory_history" ADD CONSTRAINT "inventory_history_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_levels" ADD CONSTRAINT "inventory_levels_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_levels" ADD CONSTRAINT "inventory_levels_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_staging" ADD CONSTRAINT "inventory_staging_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_levels_organization_id_index" ON "inventory_levels" USING btree ("organization_id");
CREATE TABLE "long_term_storage_fees" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"month_day" text NOT NULL,
	"snapshot_date" text NOT NULL,
	"sku" text NOT NULL,
	"fnsku" text NOT NULL,
	"surcharge_age_tier" text NOT NULL,
	"asin" text,
	"product_name" text,
	"condition" text,
	"per_unit_volume" numeric(20, 6),
	"volume_unit" text,
	"country" text,
	"quantity_charged" integer NOT NULL,
	"amount_charged" numeric(20, 6) NOT NULL,
	"rate_surcharge" numeric(20, 6),
	"currency" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "long_term_storage_fees_store_marketplace_id_snapshot_date_sku_fnsku_surcharge_age_tier_pk" PRIMARY KEY("store_marketplace_id","snapshot_date","sku","fnsku","surcharge_age_tier")
);
--> statement-breakpoint
CREATE TABLE "storage_fees" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"month_day" text NOT NULL,
	"asin" text NOT NULL,
	"fnsku" text NOT NULL,
	"fulfillment_center" text NOT NULL,
	"product_name" text,
	"country_code" text,
	"longest_side" numeric(20, 6),
	"median_side" numeric(20, 6),
	"shortest_side" numeric(20, 6),
	"measurement_units" text,
	"weight" numeric(20, 6),
	"weight_units" text,
	"item_volume" numeric(20, 6),
	"volume_units" text,
	"product_size_tier" text,
	"average_quantity_on_hand" numeric(20, 6),
	"average_quantity_pending_removal" numeric(20, 6),
	"estimated_total_item_volume" numeric(20, 6),
	"storage_rate" numeric(20, 6),
	"base_rate" numeric(20, 6),
	"utilization_surcharge_rate" numeric(20, 6),
	"storage_utilization_ratio" numeric(20, 6),
	"estimated_monthly_storage_fee" numeric(20, 6) NOT NULL,
	"total_incentive_fee_amount" numeric(20, 6),
	"currency" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "storage_fees_store_marketplace_id_month_day_asin_fnsku_fulfillment_center_pk" PRIMARY KEY("store_marketplace_id","month_day","asin","fnsku","fulfillment_center")
);
--> statement-breakpoint
ALTER TABLE "long_term_storage_fees" ADD CONSTRAINT "long_term_storage_fees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "long_term_storage_fees" ADD CONSTRAINT "long_term_storage_fees_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storage_fees" ADD CONSTRAINT "storage_fees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storage_fees" ADD CONSTRAINT "storage_fees_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "long_term_storage_fees_organization_id_month_day_index" ON "long_term_storage_fees" USING btree ("organization_id","month_day");--> statement-breakpoint
CREATE INDEX "storage_fees_organization_id_month_day_index" ON "storage_fees" USING btree ("organization_id","month_day");
CREATE TABLE "sales_metrics_daily" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"day" text NOT NULL,
	"order_count" integer NOT NULL,
	"order_item_count" integer NOT NULL,
	"unit_count" integer NOT NULL,
	"total_sales" numeric(18, 4) NOT NULL,
	"average_unit_price" numeric(18, 4) NOT NULL,
	"currency" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sales_metrics_daily_store_marketplace_id_day_pk" PRIMARY KEY("store_marketplace_id","day")
);
--> statement-breakpoint
ALTER TABLE "sales_metrics_daily" ADD CONSTRAINT "sales_metrics_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_metrics_daily" ADD CONSTRAINT "sales_metrics_daily_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sales_metrics_daily_organization_id_day_index" ON "sales_metrics_daily" USING btree ("organization_id","day");
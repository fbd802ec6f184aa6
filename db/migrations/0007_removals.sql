CREATE TABLE "removal_orders" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"sku" text NOT NULL,
	"fnsku" text NOT NULL,
	"disposition" text NOT NULL,
	"request_day" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"order_type" text NOT NULL,
	"service_speed" text,
	"order_status" text NOT NULL,
	"last_updated_at" timestamp with time zone,
	"requested_quantity" integer NOT NULL,
	"cancelled_quantity" integer NOT NULL,
	"disposed_quantity" integer NOT NULL,
	"shipped_quantity" integer NOT NULL,
	"in_process_quantity" integer NOT NULL,
	"removal_fee" numeric(18, 4),
	"currency" text,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "removal_orders_store_marketplace_id_order_id_sku_fnsku_disposition_pk" PRIMARY KEY("store_marketplace_id","order_id","sku","fnsku","disposition")
);
--> statement-breakpoint
ALTER TABLE "removal_orders" ADD CONSTRAINT "removal_orders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_orders" ADD CONSTRAINT "removal_orders_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "removal_orders_organization_id_request_day_index" ON "removal_orders" USING btree ("organization_id","request_day");
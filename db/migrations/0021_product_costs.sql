CREATE TABLE "product_cost_batches" (
	"organization_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"batch" text NOT NULL,
	"received_on" text NOT NULL,
	"units" integer NOT NULL,
	"currency" text NOT NULL,
	"purchase_cost" numeric(18, 4) NOT NULL,
	"inbound_shipping_cost" numeric(18, 4) NOT NULL,
	"other_cost" numeric(18, 4) NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_cost_batches_store_id_sku_batch_pk" PRIMARY KEY("store_id","sku","batch"),
	CONSTRAINT "product_cost_batches_received_on_day" CHECK ("product_cost_batches"."received_on" ~ '^\d{4}-\d{2}-\d{2}$'),
	CONSTRAINT "product_cost_batches_units_positive" CHECK ("product_cost_batches"."units" > 0),
	CONSTRAINT "product_cost_batches_currency_code" CHECK ("product_cost_batches"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "product_cost_batches_not_negative" CHECK ("product_cost_batches"."purchase_cost" >= 0 and "product_cost_batches"."inbound_shipping_cost" >= 0 and "product_cost_batches"."other_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_costs" (
	"organization_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"valid_from" text NOT NULL,
	"currency" text NOT NULL,
	"purchase_cost" numeric(18, 4) NOT NULL,
	"inbound_shipping_cost" numeric(18, 4) NOT NULL,
	"other_cost" numeric(18, 4) NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_costs_store_id_sku_valid_from_pk" PRIMARY KEY("store_id","sku","valid_from"),
	CONSTRAINT "product_costs_valid_from_day" CHECK ("product_costs"."valid_from" ~ '^\d{4}-\d{2}-\d{2}$'),
	CONSTRAINT "product_costs_currency_code" CHECK ("product_costs"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "product_costs_not_negative" CHECK ("product_costs"."purchase_cost" >= 0 and "product_costs"."inbound_shipping_cost" >= 0 and "product_costs"."other_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "store_other_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"store_marketplace_id" uuid,
	"day" text NOT NULL,
	"category" text NOT NULL,
	"amount" numeric(18, 4) NOT NULL,
	"currency" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_other_costs_day" CHECK ("store_other_costs"."day" ~ '^\d{4}-\d{2}-\d{2}$'),
	CONSTRAINT "store_other_costs_currency_code" CHECK ("store_other_costs"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "store_other_costs_category" CHECK ("store_other_costs"."category" in ('subscription', 'deals', 'vine', 'services', 'other')),
	CONSTRAINT "store_other_costs_amount_positive" CHECK ("store_other_costs"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "product_cost_batches" ADD CONSTRAINT "product_cost_batches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_cost_batches" ADD CONSTRAINT "product_cost_batches_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_cost_batches" ADD CONSTRAINT "product_cost_batches_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_costs" ADD CONSTRAINT "product_costs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_costs" ADD CONSTRAINT "product_costs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_costs" ADD CONSTRAINT "product_costs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_other_costs" ADD CONSTRAINT "store_other_costs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_other_costs" ADD CONSTRAINT "store_other_costs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_other_costs" ADD CONSTRAINT "store_other_costs_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_other_costs" ADD CONSTRAINT "store_other_costs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_cost_batches_organization_id_index" ON "product_cost_batches" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "product_costs_organization_id_index" ON "product_costs" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "store_other_costs_organization_id_store_id_day_index" ON "store_other_costs" USING btree ("organization_id","store_id","day");
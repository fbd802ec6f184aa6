CREATE TABLE "ad_day_refreshes" (
	"organization_id" uuid NOT NULL,
	"ad_profile_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last_refreshed_at" timestamp with time zone NOT NULL,
	"refresh_count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ad_day_refreshes_adProfileId_day_unique" UNIQUE("ad_profile_id","day")
);
--> statement-breakpoint
CREATE TABLE "api_quota_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"rate_per_second" double precision NOT NULL,
	"burst" integer NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"task" text NOT NULL,
	"window" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"api_calls" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"job_run_id" text
);
--> statement-breakpoint
CREATE TABLE "sync_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"task" text NOT NULL,
	"window" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"status" text DEFAULT 'idle' NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_succeeded_at" timestamp with time zone,
	"next_due_at" timestamp with time zone,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"rows_written" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_states_task_window_scopeId_unique" UNIQUE("task","window","scope_id")
);
--> statement-breakpoint
CREATE TABLE "ad_campaign_daily" (
	"organization_id" uuid NOT NULL,
	"ad_profile_id" uuid NOT NULL,
	"day" date NOT NULL,
	"campaign_id" text NOT NULL,
	"campaign_name" text NOT NULL,
	"campaign_status" text NOT NULL,
	"impressions" bigint NOT NULL,
	"clicks" bigint NOT NULL,
	"cost" numeric(18, 4) NOT NULL,
	"sales7d" numeric(18, 4) NOT NULL,
	"purchases7d" integer NOT NULL,
	"units_sold7d" integer NOT NULL,
	"sales14d" numeric(18, 4) NOT NULL,
	"purchases14d" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_campaign_daily_ad_profile_id_day_campaign_id_pk" PRIMARY KEY("ad_profile_id","day","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "ad_group_daily" (
	"organization_id" uuid NOT NULL,
	"ad_profile_id" uuid NOT NULL,
	"day" date NOT NULL,
	"ad_group_id" text NOT NULL,
	"ad_group_name" text NOT NULL,
	"campaign_id" text NOT NULL,
	"impressions" bigint NOT NULL,
	"clicks" bigint NOT NULL,
	"cost" numeric(18, 4) NOT NULL,
	"sales7d" numeric(18, 4) NOT NULL,
	"purchases7d" integer NOT NULL,
	"units_sold7d" integer NOT NULL,
	"sales14d" numeric(18, 4) NOT NULL,
	"purchases14d" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_group_daily_ad_profile_id_day_ad_group_id_pk" PRIMARY KEY("ad_profile_id","day","ad_group_id")
);
--> statement-breakpoint
CREATE TABLE "ad_product_daily" (
	"organization_id" uuid NOT NULL,
	"ad_profile_id" uuid NOT NULL,
	"day" date NOT NULL,
	"ad_id" text NOT NULL,
	"ad_group_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"asin" text NOT NULL,
	"sku" text NOT NULL,
	"impressions" bigint NOT NULL,
	"clicks" bigint NOT NULL,
	"cost" numeric(18, 4) NOT NULL,
	"sales7d" numeric(18, 4) NOT NULL,
	"purchases7d" integer NOT NULL,
	"units_sold7d" integer NOT NULL,
	"sales14d" numeric(18, 4) NOT NULL,
	"purchases14d" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_product_daily_ad_profile_id_day_ad_id_pk" PRIMARY KEY("ad_profile_id","day","ad_id")
);
--> statement-breakpoint
CREATE TABLE "ad_search_term_daily" (
	"organization_id" uuid NOT NULL,
	"ad_profile_id" uuid NOT NULL,
	"day" date NOT NULL,
	"target_id" text NOT NULL,
	"search_term" text NOT NULL,
	"ad_group_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"impressions" bigint NOT NULL,
	"clicks" bigint NOT NULL,
	"cost" numeric(18, 4) NOT NULL,
	"sales7d" numeric(18, 4) NOT NULL,
	"purchases7d" integer NOT NULL,
	"units_sold7d" integer NOT NULL,
	"sales14d" numeric(18, 4) NOT NULL,
	"purchases14d" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_search_term_daily_ad_profile_id_day_target_id_search_term_pk" PRIMARY KEY("ad_profile_id","day","target_id","search_term")
);
--> statement-breakpoint
CREATE TABLE "ad_target_daily" (
	"organization_id" uuid NOT NULL,
	"ad_profile_id" uuid NOT NULL,
	"day" date NOT NULL,
	"target_id" text NOT NULL,
	"ad_group_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"targeting" text NOT NULL,
	"keyword_type" text NOT NULL,
	"match_type" text,
	"impressions" bigint NOT NULL,
	"clicks" bigint NOT NULL,
	"cost" numeric(18, 4) NOT NULL,
	"sales7d" numeric(18, 4) NOT NULL,
	"purchases7d" integer NOT NULL,
	"units_sold7d" integer NOT NULL,
	"sales14d" numeric(18, 4) NOT NULL,
	"purchases14d" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_target_daily_ad_profile_id_day_target_id_pk" PRIMARY KEY("ad_profile_id","day","target_id")
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"amazon_order_id" text NOT NULL,
	"order_item_id" text NOT NULL,
	"asin" text NOT NULL,
	"seller_sku" text,
	"title" text,
	"quantity_ordered" integer NOT NULL,
	"quantity_shipped" integer DEFAULT 0 NOT NULL,
	"item_price" numeric(18, 4),
	"item_tax" numeric(18, 4),
	"shipping_price" numeric(18, 4),
	"promotion_discount" numeric(18, 4),
	"currency_code" text,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_items_store_marketplace_id_amazon_order_id_order_item_id_pk" PRIMARY KEY("store_marketplace_id","amazon_order_id","order_item_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"amazon_order_id" text NOT NULL,
	"purchase_date" timestamp with time zone NOT NULL,
	"purchase_day" text NOT NULL,
	"last_update_date" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"fulfillment_channel" text,
	"sales_channel" text,
	"order_total" numeric(18, 4),
	"currency_code" text,
	"number_of_items_shipped" integer DEFAULT 0 NOT NULL,
	"number_of_items_unshipped" integer DEFAULT 0 NOT NULL,
	"is_business_order" text,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_store_marketplace_id_amazon_order_id_pk" PRIMARY KEY("store_marketplace_id","amazon_order_id")
);
--> statement-breakpoint
ALTER TABLE "ad_day_refreshes" ADD CONSTRAINT "ad_day_refreshes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_states" ADD CONSTRAINT "sync_states_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_campaign_daily" ADD CONSTRAINT "ad_campaign_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_campaign_daily" ADD CONSTRAINT "ad_campaign_daily_ad_profile_id_ad_profiles_id_fk" FOREIGN KEY ("ad_profile_id") REFERENCES "public"."ad_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_group_daily" ADD CONSTRAINT "ad_group_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_group_daily" ADD CONSTRAINT "ad_group_daily_ad_profile_id_ad_profiles_id_fk" FOREIGN KEY ("ad_profile_id") REFERENCES "public"."ad_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_product_daily" ADD CONSTRAINT "ad_product_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_product_daily" ADD CONSTRAINT "ad_product_daily_ad_profile_id_ad_profiles_id_fk" FOREIGN KEY ("ad_profile_id") REFERENCES "public"."ad_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_search_term_daily" ADD CONSTRAINT "ad_search_term_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_search_term_daily" ADD CONSTRAINT "ad_search_term_daily_ad_profile_id_ad_profiles_id_fk" FOREIGN KEY ("ad_profile_id") REFERENCES "public"."ad_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_target_daily" ADD CONSTRAINT "ad_target_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_target_daily" ADD CONSTRAINT "ad_target_daily_ad_profile_id_ad_profiles_id_fk" FOREIGN KEY ("ad_profile_id") REFERENCES "public"."ad_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_day_refreshes_organization_id_index" ON "ad_day_refreshes" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "sync_runs_organization_id_started_at_index" ON "sync_runs" USING btree ("organization_id","started_at");--> statement-breakpoint
CREATE INDEX "sync_runs_scope_id_task_started_at_index" ON "sync_runs" USING btree ("scope_id","task","started_at");--> statement-breakpoint
CREATE INDEX "sync_states_organization_id_index" ON "sync_states" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "sync_states_next_due_at_index" ON "sync_states" USING btree ("next_due_at");--> statement-breakpoint
CREATE INDEX "ad_campaign_daily_organization_id_day_index" ON "ad_campaign_daily" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "ad_group_daily_organization_id_day_index" ON "ad_group_daily" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "ad_product_daily_organization_id_day_index" ON "ad_product_daily" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "ad_search_term_daily_organization_id_day_index" ON "ad_search_term_daily" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "ad_target_daily_organization_id_day_index" ON "ad_target_daily" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "order_items_organization_id_index" ON "order_items" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "orders_organization_id_purchase_day_index" ON "orders" USING btree ("organization_id","purchase_day");
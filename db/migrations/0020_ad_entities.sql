CREATE TABLE "ad_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ad_profile_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"entity_label" text,
	"campaign_id" text NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	"source" text NOT NULL,
	"user_id" uuid,
	"result" text NOT NULL,
	"message" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ad_entities" (
	"organization_id" uuid NOT NULL,
	"ad_profile_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"ad_group_id" text,
	"state" text NOT NULL,
	"name" text,
	"budget" numeric(18, 4),
	"default_bid" numeric(18, 4),
	"bid" numeric(18, 4),
	"targeting_type" text,
	"bidding_strategy" text,
	"placement_top" integer,
	"placement_product_page" integer,
	"placement_rest_of_search" integer,
	"placement_amazon_business" integer,
	"start_date" text,
	"end_date" text,
	"keyword_text" text,
	"match_type" text,
	"expression" jsonb,
	"expression_type" text,
	"sku" text,
	"asin" text,
	"serving_status" text,
	"amazon_created_at" timestamp with time zone,
	"amazon_updated_at" timestamp with time zone,
	"seen_by" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_entities_ad_profile_id_kind_entity_id_pk" PRIMARY KEY("ad_profile_id","kind","entity_id")
);
--> statement-breakpoint
ALTER TABLE "ad_changes" ADD CONSTRAINT "ad_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_changes" ADD CONSTRAINT "ad_changes_ad_profile_id_ad_profiles_id_fk" FOREIGN KEY ("ad_profile_id") REFERENCES "public"."ad_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_changes" ADD CONSTRAINT "ad_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_entities" ADD CONSTRAINT "ad_entities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_entities" ADD CONSTRAINT "ad_entities_ad_profile_id_ad_profiles_id_fk" FOREIGN KEY ("ad_profile_id") REFERENCES "public"."ad_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_changes_organization_id_ad_profile_id_at_index" ON "ad_changes" USING btree ("organization_id","ad_profile_id","at");--> statement-breakpoint
CREATE INDEX "ad_changes_ad_profile_id_kind_entity_id_index" ON "ad_changes" USING btree ("ad_profile_id","kind","entity_id");--> statement-breakpoint
CREATE INDEX "ad_entities_organization_id_ad_profile_id_kind_index" ON "ad_entities" USING btree ("organization_id","ad_profile_id","kind");--> statement-breakpoint
CREATE INDEX "ad_entities_ad_profile_id_campaign_id_index" ON "ad_entities" USING btree ("ad_profile_id","campaign_id");
CREATE TYPE "public"."amazon_grant_kind" AS ENUM('store', 'ads');--> statement-breakpoint
CREATE TYPE "public"."amazon_grant_status" AS ENUM('active', 'needs_reauthorization');--> statement-breakpoint
CREATE TYPE "public"."amazon_region" AS ENUM('na', 'eu', 'fe');--> statement-breakpoint
CREATE TABLE "ad_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"grant_id" uuid,
	"profile_id" text NOT NULL,
	"region" "amazon_region" NOT NULL,
	"country_code" text NOT NULL,
	"currency_code" text NOT NULL,
	"time_zone" text NOT NULL,
	"marketplace_id" text NOT NULL,
	"account_id" text NOT NULL,
	"account_name" text NOT NULL,
	"account_type" text NOT NULL,
	"store_marketplace_id" uuid,
	"connected" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_profiles_profileId_unique" UNIQUE("profile_id")
);
--> statement-breakpoint
CREATE TABLE "amazon_access_tokens" (
	"grant_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"access_token_encrypted" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amazon_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "amazon_grant_kind" NOT NULL,
	"region" "amazon_region" NOT NULL,
	"selling_partner_id" text,
	"refresh_token_encrypted" text NOT NULL,
	"status" "amazon_grant_status" DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"authorized_by" uuid,
	"authorized_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "amazon_grant_kind" NOT NULL,
	"region" "amazon_region" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_marketplaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"marketplace_id" text NOT NULL,
	"country_code" text NOT NULL,
	"name" text NOT NULL,
	"currency_code" text NOT NULL,
	"time_zone" text NOT NULL,
	"domain_name" text NOT NULL,
	"is_participating" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_marketplaces_storeId_marketplaceId_unique" UNIQUE("store_id","marketplace_id")
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"grant_id" uuid,
	"selling_partner_id" text NOT NULL,
	"region" "amazon_region" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stores_sellingPartnerId_region_unique" UNIQUE("selling_partner_id","region")
);
--> statement-breakpoint
ALTER TABLE "ad_profiles" ADD CONSTRAINT "ad_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_profiles" ADD CONSTRAINT "ad_profiles_grant_id_amazon_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."amazon_grants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_profiles" ADD CONSTRAINT "ad_profiles_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amazon_access_tokens" ADD CONSTRAINT "amazon_access_tokens_grant_id_amazon_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."amazon_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amazon_access_tokens" ADD CONSTRAINT "amazon_access_tokens_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amazon_grants" ADD CONSTRAINT "amazon_grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amazon_grants" ADD CONSTRAINT "amazon_grants_authorized_by_users_id_fk" FOREIGN KEY ("authorized_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_marketplaces" ADD CONSTRAINT "store_marketplaces_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_marketplaces" ADD CONSTRAINT "store_marketplaces_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_grant_id_amazon_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."amazon_grants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_profiles_organization_id_index" ON "ad_profiles" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "amazon_grants_organization_id_index" ON "amazon_grants" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "oauth_states_organization_id_index" ON "oauth_states" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "store_marketplaces_organization_id_index" ON "store_marketplaces" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "stores_organization_id_index" ON "stores" USING btree ("organization_id");
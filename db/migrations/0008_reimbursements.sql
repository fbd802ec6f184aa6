CREATE TABLE "reimbursements" (
	"organization_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"reimbursement_id" text NOT NULL,
	"sku" text NOT NULL,
	"fnsku" text NOT NULL,
	"approval_day" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"case_id" text,
	"amazon_order_id" text,
	"reason" text NOT NULL,
	"asin" text,
	"product_name" text,
	"condition" text,
	"currency" text NOT NULL,
	"amount_per_unit" numeric(18, 4),
	"amount_total" numeric(18, 4) NOT NULL,
	"quantity_cash" integer NOT NULL,
	"quantity_inventory" integer NOT NULL,
	"quantity_total" integer NOT NULL,
	"original_reimbursement_id" text,
	"original_reimbursement_type" text,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reimbursements_store_id_reimbursement_id_sku_fnsku_pk" PRIMARY KEY("store_id","reimbursement_id","sku","fnsku")
);
--> statement-breakpoint
ALTER TABLE "reimbursements" ADD CONSTRAINT "reimbursements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursements" ADD CONSTRAINT "reimbursements_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reimbursements_organization_id_approval_day_index" ON "reimbursements" USING btree ("organization_id","approval_day");
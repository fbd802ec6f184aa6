CREATE TABLE "customer_returns" (
	"organization_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"amazon_order_id" text NOT NULL,
	"sku" text NOT NULL,
	"returned_at" timestamp with time zone NOT NULL,
	"license_plate_number" text NOT NULL,
	"return_day" text NOT NULL,
	"asin" text,
	"fnsku" text,
	"product_name" text,
	"quantity" integer NOT NULL,
	"fulfillment_center_id" text,
	"detailed_disposition" text,
	"reason" text,
	"status" text,
	"customer_comments" text,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_returns_store_id_amazon_order_id_sku_returned_at_license_plate_number_pk" PRIMARY KEY("store_id","amazon_order_id","sku","returned_at","license_plate_number")
);
--> statement-breakpoint
CREATE TABLE "refund_items" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"amazon_order_id" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"adjustment_item_id" text NOT NULL,
	"order_item_id" text,
	"seller_sku" text,
	"quantity" integer NOT NULL,
	"posted_day" text NOT NULL,
	"currency" text NOT NULL,
	"principal" numeric(18, 4) NOT NULL,
	"tax" numeric(18, 4) NOT NULL,
	"shipping" numeric(18, 4) NOT NULL,
	"shipping_tax" numeric(18, 4) NOT NULL,
	"other_charges" numeric(18, 4) NOT NULL,
	"promotion" numeric(18, 4) NOT NULL,
	"commission" numeric(18, 4) NOT NULL,
	"refund_commission" numeric(18, 4) NOT NULL,
	"other_fees" numeric(18, 4) NOT NULL,
	"tax_withheld" numeric(18, 4) NOT NULL,
	"charges" jsonb NOT NULL,
	"fees" jsonb NOT NULL,
	"promotions" jsonb NOT NULL,
	"taxes_withheld" jsonb NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "refund_items_store_marketplace_id_amazon_order_id_posted_at_adjustment_item_id_pk" PRIMARY KEY("store_marketplace_id","amazon_order_id","posted_at","adjustment_item_id")
);
--> statement-breakpoint
ALTER TABLE "customer_returns" ADD CONSTRAINT "customer_returns_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_returns" ADD CONSTRAINT "customer_returns_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_items" ADD CONSTRAINT "refund_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_items" ADD CONSTRAINT "refund_items_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_returns_organization_id_return_day_index" ON "customer_returns" USING btree ("organization_id","return_day");--> statement-breakpoint
CREATE INDEX "refund_items_organization_id_posted_day_index" ON "refund_items" USING btree ("organization_id","posted_day");--> statement-breakpoint
CREATE VIEW "public"."refunds" AS (
  select r.organization_id, r.store_marketplace_id, m.store_id, r.amazon_order_id, r.posted_at, r.adjustment_item_id,
    r.posted_day, r.seller_sku, i.asin, i.title, r.quantity, r.currency,
    r.principal, r.tax, r.shipping, r.shipping_tax, r.promotion, r.other_charges,
    r.commission, r.refund_commission, r.other_fees, r.tax_withheld,
    r.principal + r.tax + r.shipping + r.shipping_tax + r.promotion + r.other_charges as refund_amount,
    r.commission + r.refund_commission + r.other_fees as refund_fees,
    r.principal + r.tax + r.shipping + r.shipping_tax + r.promotion + r.other_charges
      + r.commission + r.refund_commission + r.other_fees + r.tax_withheld as payable,
    x.reason, x.status
  from refund_items r
  join store_marketplaces m on m.id = r.store_marketplace_id
  join orders o on o.store_marketplace_id = r.store_marketplace_id and o.amazon_order_id = r.amazon_order_id
  left join lateral (
    select oi.asin, oi.title from order_items oi
    where oi.store_marketplace_id = r.store_marketplace_id and oi.amazon_order_id = r.amazon_order_id
      and (oi.order_item_id = r.order_item_id or oi.seller_sku = r.seller_sku)
    order by oi.order_item_id is not distinct from r.order_item_id desc, oi.order_item_id limit 1
  ) i on true
  left join lateral (
    select c.reason, c.status from customer_returns c
    where c.store_id = m.store_id and c.amazon_order_id = r.amazon_order_id and c.sku = r.seller_sku
    order by c.returned_at desc, c.license_plate_number limit 1
  ) x on true
);
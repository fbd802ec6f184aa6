CREATE TABLE "catalog_items" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"asin" text NOT NULL,
	"found" boolean NOT NULL,
	"title" text,
	"brand" text,
	"image_url" text,
	"product_type" text,
	"item_length" numeric,
	"item_length_unit" text,
	"item_width" numeric,
	"item_width_unit" text,
	"item_height" numeric,
	"item_height_unit" text,
	"item_weight" numeric,
	"item_weight_unit" text,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_items_store_marketplace_id_asin_pk" PRIMARY KEY("store_marketplace_id","asin")
);
--> statement-breakpoint
CREATE TABLE "listing_offers" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"found" boolean NOT NULL,
	"asin" text,
	"title" text,
	"status" text,
	"amazon_statuses" text[],
	"price" numeric(18, 4),
	"currency" text,
	"fulfillment_channel" text,
	"fulfilled_by" text,
	"quantity" integer,
	"fnsku" text,
	"condition" text,
	"image_url" text,
	"created_at" timestamp with time zone,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "listing_offers_store_marketplace_id_sku_pk" PRIMARY KEY("store_marketplace_id","sku")
);
--> statement-breakpoint
CREATE TABLE "products_advertised" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"asin" text NOT NULL,
	"first_advertised_day" text NOT NULL,
	"last_advertised_day" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "products_advertised_store_marketplace_id_sku_pk" PRIMARY KEY("store_marketplace_id","sku")
);
--> statement-breakpoint
CREATE TABLE "products_sold" (
	"organization_id" uuid NOT NULL,
	"store_marketplace_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"asin" text NOT NULL,
	"title" text,
	"units_ordered" integer NOT NULL,
	"last_ordered_day" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "products_sold_store_marketplace_id_sku_pk" PRIMARY KEY("store_marketplace_id","sku")
);
--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_offers" ADD CONSTRAINT "listing_offers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_offers" ADD CONSTRAINT "listing_offers_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products_advertised" ADD CONSTRAINT "products_advertised_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products_advertised" ADD CONSTRAINT "products_advertised_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products_sold" ADD CONSTRAINT "products_sold_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products_sold" ADD CONSTRAINT "products_sold_store_marketplace_id_store_marketplaces_id_fk" FOREIGN KEY ("store_marketplace_id") REFERENCES "public"."store_marketplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_items_organization_id_index" ON "catalog_items" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "listing_offers_organization_id_index" ON "listing_offers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "products_advertised_organization_id_index" ON "products_advertised" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "products_sold_organization_id_index" ON "products_sold" USING btree ("organization_id");--> statement-breakpoint
CREATE VIEW "public"."product_overview" AS (
  with known as (
    select organization_id, store_marketplace_id, sku from products
    union
    select organization_id, store_marketplace_id, sku from products_sold
    union
    select organization_id, store_marketplace_id, sku from products_advertised
  ),
  joined as (
    select k.organization_id, k.store_marketplace_id, k.sku, p.sku as report_sku, s.sku as sold_sku, a.sku as ad_sku,
      coalesce(p.asin, l.asin, s.asin, a.asin) as asin,
      p.title as report_title, p.image_url as report_image, p.status as report_status, p.fulfilled_by as report_fulfilled_by,
      p.price as report_price, p.currency as report_currency,
      l.found as listing_found, l.title as listing_title, l.image_url as listing_image, l.status as listing_status,
      l.fulfilled_by as listing_fulfilled_by, l.price as listing_price, l.currency as listing_currency,
      s.title as order_title, s.units_ordered, s.last_ordered_day, a.last_advertised_day, m.currency_code
    from known k
    join store_marketplaces m on m.id = k.store_marketplace_id
    left join products p on p.store_marketplace_id = k.store_marketplace_id and p.sku = k.sku
    left join listing_offers l on l.store_marketplace_id = k.store_marketplace_id and l.sku = k.sku
    left join products_sold s on s.store_marketplace_id = k.store_marketplace_id and s.sku = k.sku
    left join products_advertised a on a.store_marketplace_id = k.store_marketplace_id and a.sku = k.sku
  )
  select j.organization_id, j.store_marketplace_id, j.sku, j.asin,
    coalesce(c.title, j.listing_title, j.report_title, j.order_title) as title,
    c.brand,
    coalesce(c.image_url, j.listing_image, j.report_image) as image_url,
    case when j.report_sku is not null then j.report_status when j.listing_found then j.listing_status when not j.listing_found then 'Not listed' end as status,
    case when j.report_sku is not null then j.report_fulfilled_by else j.listing_fulfilled_by end as fulfilled_by,
    case when j.report_sku is not null then j.report_price else j.listing_price end as price,
    coalesce(case when j.report_sku is not null then j.report_currency else j.listing_currency end, j.currency_code) as currency,
    case when c.item_length is not null and c.item_width is not null and c.item_height is not null then
      case when c.item_length_unit = c.item_width_unit and c.item_width_unit = c.item_height_unit
        then trim_scale(c.item_length)::text || ' × ' || trim_scale(c.item_width)::text || ' × ' || trim_scale(c.item_height)::text || ' ' || c.item_length_unit
        else trim_scale(c.item_length)::text || ' ' || c.item_length_unit || ' × ' || trim_scale(c.item_width)::text || ' ' || c.item_width_unit || ' × ' || trim_scale(c.item_height)::text || ' ' || c.item_height_unit
      end
    end as dimensions,
    case when c.item_weight is not null then trim_scale(c.item_weight)::text || ' ' || c.item_weight_unit end as weight,
    c.product_type,
    coalesce(j.units_ordered, 0) as units_ordered,
    j.last_ordered_day,
    j.last_advertised_day,
    array_remove(array[
      case when j.report_sku is not null then 'report' end,
      case when j.sold_sku is not null then 'orders' end,
      case when j.ad_sku is not null then 'ads' end
    ], null) as sources,
    concat_ws(', ',
      case when j.report_sku is not null then 'full report' end,
      case when j.sold_sku is not null then 'orders' end,
      case when j.ad_sku is not null then 'ads' end
    ) as known_from,
    c.fetched_at as details_fetched_at
  from joined j
  left join catalog_items c on c.store_marketplace_id = j.store_marketplace_id and c.asin = j.asin
);
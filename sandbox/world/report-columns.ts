// Header lines of the flat-file reports, as listed in
// ../shared/amazon/report-columns/flat-file-report-columns.json (a test checks
// they stay identical; the sandbox must not read shared/ at run time): the
// documented list, or the one parsed from real files where they differ.

export const REPORT_COLUMNS: Record<string, readonly string[]> = {
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: ["amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date", "order-status", "fulfillment-channel", "sales-channel", "order-channel", "ship-service-level", "product-name", "sku", "asin", "item-status", "quantity", "currency", "item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "item-promotion-discount", "ship-promotion-discount", "ship-city", "ship-state", "ship-postal-code", "ship-country", "promotion-ids", "cpf", "is-business-order", "purchase-order-number", "price-designation"],
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: ["amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date", "order-status", "fulfillment-channel", "sales-channel", "order-channel", "ship-service-level", "product-name", "sku", "asin", "item-status", "quantity", "currency", "item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "item-promotion-discount", "ship-promotion-discount", "ship-city", "ship-state", "ship-postal-code", "ship-country", "promotion-ids", "is-business-order", "purchase-order-number", "price-designation"],
  GET_MERCHANT_LISTINGS_ALL_DATA: ["item-name", "item-description", "listing-id", "seller-sku", "price", "quantity", "open-date", "image-url", "item-is-marketplace", "product-id-type", "zshop-shipping-fee", "item-note", "item-condition", "zshop-category1", "zshop-browse-path", "zshop-storefront-feature", "asin1", "asin2", "asin3", "will-ship-internationally", "expedited-shipping", "zshop-boldface", "product-id", "bid-for-featured-placement", "add-delete", "pending-quantity", "fulfillment-channel", "merchant-shipping-group", "status"],
  GET_FBA_STORAGE_FEE_CHARGES_DATA: ["asin", "fnsku", "product_name", "fulfillment_center", "country_code", "longest_side", "median_side", "shortest_side", "measurement_units", "weight", "weight_units", "item_volume", "volume_units", "product_size_tier", "average_quantity_on_hand", "average_quantity_pending_removal", "estimated_total_item_volume", "month_of_charge", "storage_rate", "estimated_monthly_storage_fee", "currency", "average_quantity_customer_orders", "base_rate", "breakdown_incentive_fee_amount", "dangerous_goods_storage_type", "eligible_for_inventory_discount", "qualifies_for_inventory_discount", "storage_utilization_ratio", "storage_utilization_ratio_units", "total_incentive_fee_amount", "utilization_surcharge_rate"],
  GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA: ["snapshot-date", "sku", "fnsku", "asin", "product-name", "condition", "per-unit-volume", "currency", "volume-unit", "country", "qty-charged", "amount-charged", "surcharge-age-tier", "rate-surcharge"],
  GET_FBA_REIMBURSEMENTS_DATA: ["approval-date", "reimbursement-id", "case-id", "amazon-order-id", "reason", "sku", "fnsku", "asin", "product-name", "condition", "currency-unit", "amount-per-unit", "amount-total", "quantity-reimbursed-cash", "quantity-reimbursed-inventory", "quantity-reimbursed-total", "original-reimbursement-id", "original-reimbursement-type"],
  GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: ["request-date", "order-id", "order-type", "service-speed", "order-status", "last-updated-date", "sku", "fnsku", "disposition", "requested-quantity", "cancelled-quantity", "disposed-quantity", "shipped-quantity", "in-process-quantity", "removal-fee", "currency"],
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: ["return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity", "fulfillment-center-id", "detailed-disposition", "reason", "status", "license-plate-number", "customer-comments"],
  // As real files have it (the docs' list has no spaces and no "Date and Time"), which Airbyte's schema records.
  GET_LEDGER_DETAIL_VIEW_DATA: ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time"],
};

export const SUPPORTED_REPORT_TYPES = Object.keys(REPORT_COLUMNS);

/** FBA regeneration limits (reporttype values guide): near real-time 30 min, daily 4 h. */
export const FBA_COOLDOWN_MS: Record<string, number> = {
  GET_FBA_STORAGE_FEE_CHARGES_DATA: 4 * 3_600_000,
  GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA: 4 * 3_600_000,
  GET_FBA_REIMBURSEMENTS_DATA: 4 * 3_600_000,
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: 4 * 3_600_000,
  GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: 30 * 60_000,
  GET_LEDGER_DETAIL_VIEW_DATA: 4 * 3_600_000,
};

/**
 * The all-listings file as Amazon JP writes it for a seller whose feed language is Japanese: its own, shorter
 * set of columns, with Japanese names (as sellers' parsers record them), in this order.
 */
export const JP_LISTING_COLUMNS: ReadonlyArray<readonly [english: string, japanese: string]> = [
  ["item-name", "商品名"], ["listing-id", "出品ID"], ["seller-sku", "出品者SKU"], ["price", "価格"], ["quantity", "数量"],
  ["open-date", "出品日"], ["product-id-type", "商品IDタイプ"], ["item-note", "コンディション説明"], ["item-condition", "コンディション"],
  ["will-ship-internationally", "国外へ配送可"], ["expedited-shipping", "迅速な配送"], ["product-id", "商品ID"], ["pending-quantity", "在庫数"],
  ["fulfillment-channel", "フルフィルメント・チャンネル"], ["merchant-shipping-group", "merchant-shipping-group"], ["status", "ステータス"],
];

/**
 * Amazon's flat files name their columns in the seller's feed language: Amazon JP writes the all-listings
 * file with Japanese headers (and its own, shorter set of columns) unless the seller's "Language for feed
 * processing report" is English. Readers know columns by Amazon's English names; these are the same
 * columns under their Japanese names, as Amazon JP writes them.
 */
const JAPANESE: Readonly<Record<string, string>> = {
  商品名: "item-name",
  出品ID: "listing-id",
  出品者SKU: "seller-sku",
  価格: "price",
  数量: "quantity",
  出品日: "open-date",
  商品IDタイプ: "product-id-type",
  コンディション説明: "item-note",
  コンディション: "item-condition",
  国外へ配送可: "will-ship-internationally",
  迅速な配送: "expedited-shipping",
  商品ID: "product-id",
  在庫数: "pending-quantity",
  "フルフィルメント・チャンネル": "fulfillment-channel",
  ステータス: "status",
};

/** A header's column name as the readers know it (Amazon's English name). */
export function columnName(header: string): string {
  const name = header.trim();
  return JAPANESE[name] ?? name;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "~/sandbox";
import { presign } from "~/sandbox/http/documents";
import { DOCUMENT_CHARSETS, DOCUMENT_FORMS, encodeDocument } from "~/sandbox/spapi/document-forms";
import { mustMarketplace } from "~/sandbox/world/marketplaces";
import { flatFileCharset } from "./marketplaces";
import iconv from "iconv-lite";
import type { RunPlan } from "~/server/sync/kit/plan";
import { productRow } from "~/server/sync/tasks/products-full/rows";
import { streamReportDocument, streamReportTable } from "./sp-reports";

/*
 * Report documents in every form Amazon sends them (its issue trackers' record: gzip with and without the
 * label, plain with and without it, Content-Encoding: gzip; UTF-8 or the marketplace's own charset,
 * declared or not), each served by the sandbox over HTTP and read by the product's reader: the same rows
 * every time, or a refusal in plain words.
 */

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, volume: "tiny", reportTail: false, reportFailureRate: 0 });
});
afterAll(async () => sb?.close());

const MARKETPLACES = [
  { id: "ATVPDKIKX0DER", title: "Café crème thermos — 5 € off" },
  { id: "A1PA6795UKMFR9", title: "Trinkflasche für Kühlschrank, groß" },
  { id: "A1VC38T7YXB528", title: "ステンレス水筒 保冷 ５００ｍｌ" },
];

async function serve(id: string, doc: Awaited<ReturnType<typeof encodeDocument>>) {
  sb.sandbox.documents.put(id, { body: doc.body, contentType: doc.contentType, label: doc.label, ...(doc.encoding ? { contentEncoding: doc.encoding } : {}) });
  return presign(sb.origin, id, sb.sandbox.clock.now()).url;
}

async function read(url: string, label: string | null, marketplaceId: string) {
  const rows: string[][] = [];
  let header: readonly string[] = [];
  await streamReportTable(url, label, async (batch, h) => {
    header = h;
    rows.push(...batch);
  }, { charset: flatFileCharset({ marketplaceId, region: "na" }) });
  return { header, rows };
}

describe("report documents as Amazon sends them", () => {
  for (const m of MARKETPLACES)
    for (const form of DOCUMENT_FORMS)
      for (const charset of DOCUMENT_CHARSETS)
        it(`${m.id}: ${form}, ${charset}`, async () => {
          const text = `sku\titem-name\tprice\nA-1\t${m.title}\t12.50\nA-2\tplain\t3\n`;
          const doc = await encodeDocument(text, mustMarketplace(m.id), form, charset);
          const url = await serve(`doc-${m.id}-${form}-${charset}`, doc);
          expect(await read(url, doc.label, m.id)).toEqual({
            header: ["sku", "item-name", "price"],
            rows: [["A-1", m.title, "12.50"], ["A-2", "plain", "3"]],
          });
        });

  it("refuses bytes that are not text in the declared charset, naming it and the line", async () => {
    const jp = await encodeDocument(`sku\titem-name\nA-1\tok\nA-2\t${MARKETPLACES[2]!.title}\n`, mustMarketplace("A1VC38T7YXB528"), "gzip", "marketplace");
    const url = await serve("doc-mislabelled", { ...jp, contentType: "text/plain;charset=UTF-8" });
    await expect(read(url, "GZIP", "A1VC38T7YXB528")).rejects.toThrow(/^The report file is not valid UTF-8 text \(line 3\); it was not loaded\.$/);
    // A sync names the report too: which report, which encoding, which line.
    await expect(streamReportTable(url, "GZIP", async () => {}, { report: "all listings" })).rejects.toThrow(
      /^The all listings report file is not valid UTF-8 text \(line 3\); it was not loaded\.$/,
    );
  });

  it("refuses an empty file and a charset it does not know in plain words, never returning zero rows", async () => {
    const empty = await serve("doc-empty", { body: Buffer.alloc(0), contentType: "text/plain", label: null });
    await expect(read(empty, null, "ATVPDKIKX0DER")).rejects.toThrow("The report file is empty (Amazon sent no bytes, not even a header line); it was not loaded.");
    const odd = await serve("doc-odd", { body: Buffer.from("sku\nA\n"), contentType: "text/plain;charset=x-unknown-9", label: null });
    await expect(read(odd, null, "ATVPDKIKX0DER")).rejects.toThrow("The report file is in a character set this product cannot read (x-unknown-9); it was not loaded.");
  });
});

describe("each report as the sandbox sends it by default (its type and marketplace)", () => {
  const JP = "A1VC38T7YXB528";
  async function listings(sellerIndex: number, marketplaceId: string, reportOptions?: Record<string, string>) {
    const seller = sb.sandbox.world.sellers[sellerIndex]!;
    const token = ((await (await fetch(`${sb.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId: seller.sellerId }) })).json()) as { access_token: string }).access_token;
    const call = async (method: string, path: string, body?: unknown) => {
      sb.sandbox.quotas.reset();
      const response = await fetch(sb.origin + path, { method, headers: { "x-amz-access-token": token, "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return (await response.json()) as Record<string, string>;
    };
    const { reportId } = await call("POST", "/reports/2021-06-30/reports", { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [marketplaceId], ...(reportOptions ? { reportOptions } : {}) });
    sb.sandbox.clock.advance(61_000);
    const report = await call("GET", `/reports/2021-06-30/reports/${reportId}`);
    const document = await call("GET", `/reports/2021-06-30/documents/${report.reportDocumentId}`);
    const raw = await fetch(document.url!);
    const contentType = raw.headers.get("content-type");
    const rows: Record<string, string>[] = [];
    await streamReportDocument(document.url!, document.compressionAlgorithm, async (batch) => void rows.push(...batch), { charset: flatFileCharset({ marketplaceId, region: "na" }) });
    return { seller, document, contentType, bytes: Buffer.from(await raw.arrayBuffer()), rows };
  }

  it("Amazon JP's listings for a Japanese seller: windows-31j, plain, Japanese headers and JP's own columns, read by their English names", async () => {
    const { seller, document, contentType, bytes, rows } = await listings(2, JP);
    expect(document.compressionAlgorithm).toBeUndefined();
    expect(contentType).toBe("text/plain;charset=windows-31j");
    // The raw header is Japanese (in Shift_JIS bytes), and has no asin1 column.
    const header = iconv.decode(bytes, "shift_jis").split("\n")[0]!.split("\t");
    expect(header.slice(0, 3)).toEqual(["商品名", "出品ID", "出品者SKU"]);
    expect(header).not.toContain("asin1");
    expect(rows.length).toBe(sb.sandbox.world.catalog(seller).length);
    const plan = { scope: { organizationId: "o", scopeId: "s", timeZone: "Asia/Tokyo", currencyCode: "JPY" } } as unknown as RunPlan;
    for (const [index, row] of rows.entries()) {
      const product = sb.sandbox.world.catalog(seller).find((p) => p.sku === row["seller-sku"])!;
      expect(row["item-name"]).toBe(`【国内正規品】${product.title}`);
      const mapped = productRow(row, { plan, index, loadedAt: "2026-01-01T00:00:00Z" });
      // sku, asin (from 商品ID), title, listing id
      expect(mapped.slice(2, 6)).toEqual([product.sku, product.asin, row["item-name"], row["listing-id"]]);
      expect(row.status).toMatch(/^(Active|Inactive|Incomplete)$/);
    }
  });

  it("…the same seller asking for en_US headers gets Amazon's English columns; a Western seller's listings are Cp1252 with their accents intact", async () => {
    const english = await listings(2, JP, { preferredReportDocumentLocale: "en_US" });
    expect(Object.keys(english.rows[0]!)).toContain("asin1");
    const us = await listings(0, "ATVPDKIKX0DER");
    expect(us.contentType).toBe("text/plain;charset=Cp1252");
    const titles = us.rows.map((r) => r["item-name"]!);
    expect(titles.some((t) => /[^\x00-\x7f]/.test(t))).toBe(true);
    expect(new Set(titles)).toEqual(new Set(sb.sandbox.world.catalog(us.seller).map((p) => p.title)));
  });
});

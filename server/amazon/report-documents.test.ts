import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "~/sandbox";
import { presign } from "~/sandbox/http/documents";
import { DOCUMENT_CHARSETS, DOCUMENT_FORMS, encodeDocument } from "~/sandbox/spapi/document-forms";
import { mustMarketplace } from "~/sandbox/world/marketplaces";
import { flatFileCharset } from "./marketplaces";
import { streamReportTable } from "./sp-reports";

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
  });

  it("refuses an empty file and a charset it does not know in plain words, never returning zero rows", async () => {
    const empty = await serve("doc-empty", { body: Buffer.alloc(0), contentType: "text/plain", label: null });
    await expect(read(empty, null, "ATVPDKIKX0DER")).rejects.toThrow("The report file is empty (Amazon sent no bytes, not even a header line); it was not loaded.");
    const odd = await serve("doc-odd", { body: Buffer.from("sku\nA\n"), contentType: "text/plain;charset=x-unknown-9", label: null });
    await expect(read(odd, null, "ATVPDKIKX0DER")).rejects.toThrow("The report file is in a character set this product cannot read (x-unknown-9); it was not loaded.");
  });
});

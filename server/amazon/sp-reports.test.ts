import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amazonGrants } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import type { RunningSandbox } from "~/sandbox";
import { consentOnAmazon, startTestAmazon } from "~/test/amazon-sandbox";
import { createMemberOf } from "~/test/factories";
import { completeStoreAuthorization, startStoreAuthorization } from "./authorization/store";
import type { AmazonCaller } from "./request";
import { createSpReport, getSpReport, getSpReportDocument, streamReportDocument, streamReportTable, type SpReportRow } from "./sp-reports";

let t: TestDatabase;
let amazon: RunningSandbox;
let caller: AmazonCaller;
let sellerId: string;
let calls = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  amazon = await startTestAmazon({ volume: "small", reportDelaySeconds: 60 });
  const m = await createMemberOf(t.db, "owner");
  const actor = { userId: m.user.id, organizationId: m.organizationId, role: "owner" as const };
  sellerId = amazon.sandbox.world.sellers[0]!.sellerId;
  const query = await consentOnAmazon((await startStoreAuthorization(t.db, actor, "na")).url, sellerId);
  await completeStoreAuthorization({ db: t.db, publish: async () => {} }, m.user.id, query);
  const [grant] = await t.db.select().from(amazonGrants).where(eq(amazonGrants.organizationId, m.organizationId));
  caller = { db: t.db, grantId: grant!.id, quotaScope: sellerId, onCall: () => (calls += 1) };
});
afterAll(async () => {
  await amazon?.close();
  await t?.drop();
});

/** A Response whose body is produced lazily, counting how many lines have been pulled so far. */
function lazyTsv(header: string[], total: number, line: (i: number) => string[]) {
  const progress = { pulled: 0 };
  const encoder = new TextEncoder();
  let i = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === -1) controller.enqueue(encoder.encode(header.join("\t") + "\n"));
      else if (i < total) {
        const chunk: string[] = [];
        for (let k = 0; k < 100 && i < total; k++, i++) chunk.push(line(i).join("\t"));
        progress.pulled = i;
        controller.enqueue(encoder.encode(chunk.join("\n") + "\n"));
        return;
      } else {
        controller.close();
        return;
      }
      i = 0;
    },
  });
  return { response: new Response(body, { headers: { "content-type": "text/tab-separated-values" } }), progress };
}

describe("SP-API reports client", () => {
  it("creates a report, follows it to DONE, and streams its document (plain, as Amazon sends FBA files) into rows equal to Amazon's", async () => {
    const dataStartTime = new Date(amazon.sandbox.clock.now() - 90 * 86_400_000).toISOString();
    const dataEndTime = new Date(amazon.sandbox.clock.now() - 30 * 86_400_000).toISOString();
    calls = 0;
    const reportId = await createSpReport(caller, "na", {
      reportType: "GET_FBA_REIMBURSEMENTS_DATA",
      marketplaceIds: ["ATVPDKIKX0DER"],
      dataStartTime,
      dataEndTime,
    });
    const queued = await getSpReport(caller, "na", reportId);
    expect(queued).toMatchObject({ reportId, reportType: "GET_FBA_REIMBURSEMENTS_DATA", processingStatus: "IN_QUEUE" });
    expect(queued.reportDocumentId).toBeFalsy();

    amazon.sandbox.clock.advance(61_000);
    const done = await getSpReport(caller, "na", reportId);
    expect(done.processingStatus).toBe("DONE");
    const document = await getSpReportDocument(caller, "na", done.reportDocumentId!);
    expect(document.compressionAlgorithm).toBeUndefined();
    expect(calls).toBe(4);

    const batches: SpReportRow[][] = [];
    const count = await streamReportDocument(document.url, document.compressionAlgorithm, async (rows) => {
      batches.push(rows);
    }, { batchSize: 4 });
    const rows = batches.flat();
    expect(count).toBe(rows.length);
    expect(batches.slice(0, -1).every((b) => b.length === 4)).toBe(true);

    const truthUrl = new URL("/__sandbox/truth/report", amazon.origin);
    for (const [k, v] of Object.entries({ reportType: "GET_FBA_REIMBURSEMENTS_DATA", sellerId, marketplaceId: "ATVPDKIKX0DER", from: dataStartTime, to: dataEndTime })) {
      truthUrl.searchParams.set(k, v);
    }
    const truth = (await (await fetch(truthUrl)).json()) as { rows: SpReportRow[] };
    expect(truth.rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(truth.rows);
    // Keys are the header's columns, values Amazon's exact strings (money never through a float).
    expect(Object.keys(rows[0]!)).toContain("amount-total");
    // No Amazon call for the download: the presigned URL is its own authorization.
    expect(calls).toBe(4);

    // The link is good for 5 minutes only, and says so in plain words afterwards.
    amazon.sandbox.clock.advance(6 * 60_000);
    await expect(streamReportDocument(document.url, document.compressionAlgorithm, async () => {})).rejects.toThrow(
      "The report file's download link had expired before it was used.",
    );
  });

  it("reads Amazon's flat files as they are: unquoted quotes, CRLF, BOM, blank trailing lines, plain text", async () => {
    const text = '\uFEFFsku\ttitle\tamount\r\nA-1\t"Big" tent, 2 "rooms"\t12.30\r\nB-2\t\t-0.01\r\n\r\n';
    const got: SpReportRow[] = [];
    const gz = gzipSync(Buffer.from(text));
    const fakeFetch = (async () => new Response(gz)) as unknown as typeof fetch;
    expect(await streamReportDocument("https://docs.test/x", "GZIP", async (r) => void got.push(...r), { fetch: fakeFetch })).toBe(2);
    expect(got).toEqual([
      { sku: "A-1", title: '"Big" tent, 2 "rooms"', amount: "12.30" },
      { sku: "B-2", title: "", amount: "-0.01" },
    ]);

    // Uncompressed (no compressionAlgorithm), in a legacy charset as Amazon writes some marketplaces' files.
    const latin = Buffer.from("sku\ttitle\nC-3\tCaf\xe9 cr\xe8me\n", "latin1");
    const plainFetch = (async () => new Response(latin, { headers: { "content-type": "text/plain;charset=Cp1252" } })) as unknown as typeof fetch;
    const plain: SpReportRow[] = [];
    await streamReportDocument("https://docs.test/y", null, async (r) => void plain.push(...r), { fetch: plainFetch });
    expect(plain).toEqual([{ sku: "C-3", title: "Café crème" }]);
  });

  it("fails on a malformed line in plain words, and streams big files batch by batch", async () => {
    const broken = gzipSync(Buffer.from('sku\tqty\nA\t1\n"broken\tx\t\t\nB\t2\n'));
    await expect(
      streamReportDocument("https://docs.test/z", "GZIP", async () => {}, { fetch: (async () => new Response(broken)) as unknown as typeof fetch }),
    ).rejects.toThrow("The report file has a malformed line (line 3): it has 4 columns where the header has 2.");

    // Deep in a big file, the download is still running when the line is found: the reason still wins.
    const lines = Array.from({ length: 100_000 }, (_, i) => (i === 60_000 ? '"broken\tx\t\t' : `SKU-${i}\t${i}`));
    const deep = gzipSync(Buffer.from(`sku\tqty\n${lines.join("\n")}\n`));
    await expect(
      streamReportTable("https://docs.test/deep", "GZIP", async () => {}, { fetch: (async () => new Response(deep)) as unknown as typeof fetch }),
    ).rejects.toThrow("The report file has a malformed line (line 60002): it has 4 columns where the header has 2.");

    const total = 200_000;
    const { response, progress } = lazyTsv(["sku", "qty"], total, (i) => [`SKU-${i}`, String(i)]);
    let pulledAtFirstBatch = -1;
    let seen = 0;
    const n = await streamReportDocument("https://docs.test/big", null, async (rows) => {
      if (pulledAtFirstBatch < 0) pulledAtFirstBatch = progress.pulled;
      expect(rows[0]!.sku).toBe(`SKU-${seen}`);
      seen += rows.length;
    }, { fetch: (async () => response) as unknown as typeof fetch, batchSize: 1000 });
    expect(n).toBe(total);
    expect(seen).toBe(total);
    // The first batch was handed over long before the file was read to its end: nothing buffers it whole.
    expect(pulledAtFirstBatch).toBeGreaterThan(0);
    expect(pulledAtFirstBatch).toBeLessThan(total / 4);
  });

  it("hands big files over as arrays in the header's order, whatever the charset and however the bytes arrive", async () => {
    // One byte per chunk: every character, multibyte ones too, straddles a chunk boundary somewhere.
    const oneByteAtATime = (bytes: Buffer, contentType: string) =>
      (async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (const b of bytes) controller.enqueue(new Uint8Array([b]));
              controller.close();
            },
          }),
          { headers: { "content-type": contentType } },
        )) as unknown as typeof fetch;
    const batches: { rows: string[][]; header: readonly string[] }[] = [];
    const utf8 = Buffer.from("\uFEFFsku\ttitle\r\nA-1\tCafé ☕ 東京\r\nB-2\t\r\n");
    const n = await streamReportTable("https://docs.test/a", null, async (rows, header) => void batches.push({ rows, header }), {
      fetch: oneByteAtATime(utf8, "text/tab-separated-values"),
      batchSize: 1,
    });
    expect(n).toBe(2);
    expect(batches).toEqual([
      { rows: [["A-1", "Café ☕ 東京"]], header: ["sku", "title"] },
      { rows: [["B-2", ""]], header: ["sku", "title"] },
    ]);

    const latin = Buffer.from("sku\ttitle\nC-3\tCaf\xe9 \x80 cr\xe8me\n", "latin1");
    const rows: string[][] = [];
    await streamReportTable("https://docs.test/b", null, async (r) => void rows.push(...r), { fetch: oneByteAtATime(latin, "text/plain;charset=Cp1252") });
    expect(rows).toEqual([["C-3", "Café € crème"]]);
  });
});

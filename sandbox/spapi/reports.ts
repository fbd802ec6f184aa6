import { reportTiming } from "../util/report-timing";
import { presign } from "../http/documents";
import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import type { Sandbox } from "../state";
import { hash32 } from "../util/rng";
import { DAY, isoZ } from "../util/time";
import { mustMarketplace } from "../world/marketplaces";
import { FBA_COOLDOWN_MS, SUPPORTED_REPORT_TYPES } from "../world/report-columns";
import { decodeToken, encodeToken, intParam, list, sellerMarketplaces, sellerOf, timeParam } from "./common";
import { defaultDocumentCharset, defaultDocumentForm, encodeDocument } from "./document-forms";
import { buildDocument, requestFor } from "./report-docs";
import type { ProcessingStatus, ReportRecord } from "./report-store";

const STATUSES: ProcessingStatus[] = ["CANCELLED", "DONE", "FATAL", "IN_PROGRESS", "IN_QUEUE"];

function docId(sb: Sandbox, reportId: string): string {
  const region = "na";
  return `amzn1.spdoc.1.4.${region}.${hash32(sb.seed, "doc", reportId).toString(16)}-${reportId}`;
}

/** Status by the clock alone (no document work). */
function phase(sb: Sandbox, r: ReportRecord): ProcessingStatus | "FINISHED" {
  if (r.resolved) return r.resolved;
  if (r.outcome === "CANCELLED" && r.cancelledAt !== undefined) return "CANCELLED";
  const now = sb.clock.now();
  if (now < r.startAt) return "IN_QUEUE";
  if (now < r.doneAt) return "IN_PROGRESS";
  return "FINISHED";
}

const building = new WeakMap<ReportRecord, Promise<ProcessingStatus>>();

/** Status as of now; generates the document (once) the first time the report is seen finished. */
export async function resolveReport(sb: Sandbox, r: ReportRecord): Promise<ProcessingStatus> {
  const ph = phase(sb, r);
  if (ph !== "FINISHED") return ph;
  if (r.outcome) { r.resolved = r.outcome; return r.outcome; }
  let p = building.get(r);
  if (!p) {
    p = (async (): Promise<ProcessingStatus> => {
      const seller = sb.world.seller(r.sellerId);
      if (!seller) return (r.resolved = "FATAL");
      const result = buildDocument(sb, requestFor(sb, r, seller), sb.faults.get("createReport").malformedRows ?? 0);
      if (result.kind === "empty") return (r.resolved = "CANCELLED");
      const mp = mustMarketplace(r.marketplaceIds[0] ?? "");
      const doc = await encodeDocument(result.text, mp, r.documentForm ?? defaultDocumentForm(r.reportType), r.documentCharset ?? defaultDocumentCharset(r.reportType, mp));
      const id = docId(sb, r.reportId);
      sb.documents.put(id, { body: doc.body, contentType: doc.contentType, label: doc.label, ...(doc.encoding ? { contentEncoding: doc.encoding } : {}) });
      r.reportDocumentId = id;
      return (r.resolved = "DONE");
    })();
    building.set(r, p);
  }
  return p;
}

async function reportJson(sb: Sandbox, r: ReportRecord): Promise<Record<string, unknown>> {
  const status = await resolveReport(sb, r);
  const out: Record<string, unknown> = { reportId: r.reportId, reportType: r.reportType, createdTime: isoZ(r.createdTime), processingStatus: status, marketplaceIds: r.marketplaceIds };
  if (r.dataStartTime !== undefined) out.dataStartTime = isoZ(r.dataStartTime);
  if (r.dataEndTime !== undefined) out.dataEndTime = isoZ(r.dataEndTime);
  if (status !== "IN_QUEUE") out.processingStartTime = isoZ(r.startAt);
  if (status === "DONE" || status === "FATAL" || (status === "CANCELLED" && r.cancelledAt === undefined)) out.processingEndTime = isoZ(r.doneAt);
  if (r.reportDocumentId) out.reportDocumentId = r.reportDocumentId;
  return out;
}

/** What makes two report requests the same report: seller, type, marketplaces and data range. */
function reportIdentity(r: Pick<ReportRecord, "sellerId" | "reportType" | "marketplaceIds" | "dataStartTime" | "dataEndTime">): string {
  return [r.sellerId, r.reportType, r.marketplaceIds.join(","), r.dataStartTime ?? "", r.dataEndTime ?? ""].join("|");
}

function createReport(ctx: Ctx): Reply {
  const sb = ctx.sb;
  const seller = sellerOf(ctx);
  const body = ctx.json() as Record<string, unknown> | undefined;
  if (!body || typeof body !== "object") throw spError(400, "InvalidInput", "Request body is required");
  const reportType = body.reportType;
  if (typeof reportType !== "string" || !reportType) throw spError(400, "InvalidInput", "reportType is required");
  if (!SUPPORTED_REPORT_TYPES.includes(reportType)) throw spError(400, "InvalidInput", `Invalid reportType: ${reportType}`);
  const mpIds = body.marketplaceIds;
  if (!Array.isArray(mpIds) || mpIds.length < 1 || mpIds.length > 25 || !mpIds.every((x) => typeof x === "string")) throw spError(400, "InvalidInput", "marketplaceIds must contain 1 to 25 marketplace ids");
  sellerMarketplaces(ctx, seller, mpIds as string[], "marketplaceIds");
  const now = sb.clock.now();
  const parse = (k: string): number | undefined => {
    const v = body[k];
    if (v === undefined) return undefined;
    const t = typeof v === "string" ? Date.parse(v) : NaN;
    if (Number.isNaN(t)) throw spError(400, "InvalidInput", `Invalid ${k}`);
    return t;
  };
  const start = parse("dataStartTime");
  let end = parse("dataEndTime");
  if (end !== undefined && end > now) end = now;
  if (start !== undefined && start > (end ?? now)) throw spError(400, "InvalidInput", "dataStartTime must be before dataEndTime");
  const options = body.reportOptions;
  if (options !== undefined && (typeof options !== "object" || options === null || Object.values(options).some((v) => typeof v !== "string"))) throw spError(400, "InvalidInput", "reportOptions must map strings to strings");
  // The same report asked for again draws a time of its own (its attempt number is part of the key).
  const identity = reportIdentity({ sellerId: seller.sellerId, reportType, marketplaceIds: mpIds as string[], dataStartTime: start, dataEndTime: end });
  const asked = sb.reports.forSeller(seller.sellerId).filter((o) => reportIdentity(o) === identity).length;
  const timing = reportTiming(`${sb.seed}|${identity}|${asked}`, sb.options.reportDelaySeconds * 1000, sb.options.reportTiming);
  const id = sb.reports.nextId();
  const rec: ReportRecord = {
    reportId: id, sellerId: seller.sellerId, reportType, marketplaceIds: mpIds as string[], createdTime: now,
    startAt: now + timing.startAfterMs, doneAt: now + timing.doneAfterMs,
  };
  if (start !== undefined) rec.dataStartTime = start;
  if (end !== undefined) rec.dataEndTime = end;
  if (options) rec.reportOptions = options as Record<string, string>;
  const { documentForm, documentCharset } = sb.faults.get("createReport");
  if (documentForm) rec.documentForm = documentForm;
  if (documentCharset) rec.documentCharset = documentCharset;
  const forced = sb.faults.get("createReport").reportOutcome ?? (timing.fails ? "FATAL" : undefined);
  if (forced) rec.outcome = forced;
  // FBA regeneration limit: an identical request inside the cooldown is not regenerated.
  const cooldown = FBA_COOLDOWN_MS[reportType];
  if (cooldown && !forced) {
    const same = sb.reports.forSeller(seller.sellerId).find((o) => o.reportType === reportType && o.createdTime > now - cooldown && o.dataStartTime === rec.dataStartTime && o.dataEndTime === rec.dataEndTime && o.marketplaceIds.join() === rec.marketplaceIds.join() && o.outcome === undefined);
    if (same) rec.outcome = "CANCELLED";
  }
  if (!sb.faults.get("createReport").reportLost) sb.reports.add(rec);
  return { status: 202, body: { reportId: id } };
}

function ownReport(ctx: Ctx): ReportRecord {
  const r = ctx.sb.reports.get(ctx.params.reportId ?? "");
  if (!r || r.sellerId !== ctx.principal?.sellerId) throw spError(404, "NotFound", "Report not found");
  return r;
}

async function getReport(ctx: Ctx): Promise<Reply> {
  return { status: 200, body: await reportJson(ctx.sb, ownReport(ctx)) };
}

function cancelReport(ctx: Ctx): Reply {
  const r = ownReport(ctx);
  const ph = phase(ctx.sb, r);
  const status = ph === "FINISHED" ? "DONE" : ph;
  if (status !== "IN_QUEUE") throw spError(400, "InvalidInput", `Report ${r.reportId} is ${status} and cannot be cancelled; only IN_QUEUE reports can be cancelled.`);
  r.outcome = "CANCELLED";
  r.cancelledAt = ctx.sb.clock.now();
  r.resolved = "CANCELLED";
  return { status: 200, body: "" };
}

async function getReports(ctx: Ctx): Promise<Reply> {
  const sb = ctx.sb;
  const seller = sellerOf(ctx);
  const now = sb.clock.now();
  const token = ctx.query.get("nextToken");
  let q: { types: string[]; statuses: string[]; mps: string[]; size: number; since: number; until: number };
  let offset = 0;
  if (token) {
    const [, enc] = token.split(".");
    try { q = JSON.parse(Buffer.from(enc ?? "", "base64url").toString()) as typeof q; } catch { throw spError(400, "InvalidInput", "Invalid nextToken"); }
    offset = decodeToken(token.split(".")[0] ?? "");
  } else {
    const types = list(ctx, "reportTypes");
    if (types.length < 1 || types.length > 10) throw spError(400, "InvalidInput", "reportTypes must contain 1 to 10 report types when nextToken is not given");
    const statuses = list(ctx, "processingStatuses");
    for (const s of statuses) if (!STATUSES.includes(s as ProcessingStatus)) throw spError(400, "InvalidInput", `Invalid processingStatuses: ${s}`);
    const mps = list(ctx, "marketplaceIds");
    if (mps.length) sellerMarketplaces(ctx, seller, mps, "marketplaceIds");
    q = { types, statuses, mps, size: intParam(ctx, "pageSize", 10, 1, 100), since: timeParam(ctx, "createdSince") ?? now - 90 * DAY, until: timeParam(ctx, "createdUntil") ?? now };
  }
  const candidates = sb.reports.forSeller(seller.sellerId)
    .filter((r) => q.types.includes(r.reportType) && r.createdTime >= q.since && r.createdTime <= q.until && r.createdTime >= now - 90 * DAY)
    .filter((r) => !q.mps.length || r.marketplaceIds.some((m) => q.mps.includes(m)));
  const all: ReportRecord[] = [];
  for (const r of candidates) if (!q.statuses.length || q.statuses.includes(await resolveReport(sb, r))) all.push(r);
  all.sort((a, b) => b.createdTime - a.createdTime || (a.reportId < b.reportId ? 1 : -1));
  const slice = all.slice(offset, offset + q.size);
  const reports: Array<Record<string, unknown>> = [];
  for (const r of slice) reports.push(await reportJson(sb, r));
  const body: Record<string, unknown> = { reports };
  if (offset + q.size < all.length) body.nextToken = `${encodeToken("", offset + q.size)}.${Buffer.from(JSON.stringify(q)).toString("base64url")}`;
  return { status: 200, body };
}

function getReportDocument(ctx: Ctx): Reply {
  const id = ctx.params.reportDocumentId ?? "";
  const owner = [...ctx.sb.reports.reports.values()].find((r) => r.reportDocumentId === id);
  if (!owner || owner.sellerId !== ctx.principal?.sellerId || !ctx.sb.documents.has(id)) throw spError(404, "NotFound", "Report document not found");
  const { url } = presign(ctx.sb.origin, id, ctx.sb.clock.now());
  const label = ctx.sb.documents.get(id)?.label;
  // A document with no compression has no compressionAlgorithm at all (the model's field is optional).
  return { status: 200, body: { reportDocumentId: id, url, ...(label ? { compressionAlgorithm: label } : {}) } };
}

export const reportsRoutes: Route[] = [
  { method: "POST", path: "/reports/2021-06-30/reports", operation: "createReport", auth: "sp", handler: createReport },
  { method: "GET", path: "/reports/2021-06-30/reports", operation: "getReports", auth: "sp", handler: getReports },
  { method: "GET", path: "/reports/2021-06-30/reports/{reportId}", operation: "getReport", auth: "sp", handler: getReport },
  { method: "DELETE", path: "/reports/2021-06-30/reports/{reportId}", operation: "cancelReport", auth: "sp", handler: cancelReport },
  { method: "GET", path: "/reports/2021-06-30/documents/{reportDocumentId}", operation: "getReportDocument", auth: "sp", handler: getReportDocument },
];

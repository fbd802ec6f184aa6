import { reportTiming } from "../util/report-timing";
import { randomUUID } from "node:crypto";
import { createGzip } from "node:zlib";
import { presign } from "../http/documents";
import type { Ctx, Reply, Route } from "../http/types";
import { HttpError } from "../http/types";
import { addDays, dayDiff, localDay } from "../util/time";
import type { AdsReportSpec, ReportTypeId } from "./report-rows";
import type { Row } from "./report-rows";
import { adsRows, COLUMNS, GROUP_BY, REPORT_TYPES } from "./report-rows";
import type { AdsProfile } from "./state";

const RETENTION_DAYS = 95;
const MAX_RANGE_DAYS = 31;
const URL_TTL_S = 3600;
const CT_REQ = "application/vnd.createasyncreportrequest.v3+json";

interface AdsReport {
  reportId: string;
  profileId: string;
  name?: string;
  spec: AdsReportSpec;
  configuration: Record<string, unknown>;
  createdMs: number;
  startMs: number;
  doneMs: number;
  outcome?: "FAILED";
  deleted?: boolean;
  fileSize?: number;
  docId?: string;
  building?: Promise<void>;
}

/**
 * gzip of one JSON array, streamed: a big account's 31-day keyword report has
 * about a million rows, so rows are serialised in batches and the event loop
 * is released between them.
 */
export async function gzipJsonArray(rows: Iterable<Row>): Promise<Buffer> {
  const gz = createGzip();
  const out: Buffer[] = [];
  gz.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => { gz.on("end", () => resolve()); gz.on("error", reject); });
  gz.write("[");
  let batch: string[] = [];
  let first = true;
  const flush = async () => {
    if (!batch.length) return;
    gz.write((first ? "" : ",") + batch.join(","));
    first = false;
    batch = [];
    await new Promise((r) => setImmediate(r));
  };
  for (const row of rows) {
    batch.push(JSON.stringify(row));
    if (batch.length >= 5000) await flush();
  }
  await flush();
  gz.end("]");
  await done;
  return Buffer.concat(out);
}

const reports = new WeakMap<object, Map<string, AdsReport>>();
function store(ctx: Ctx): Map<string, AdsReport> {
  let m = reports.get(ctx.sb);
  if (!m) { m = new Map(); reports.set(ctx.sb, m); }
  return m;
}

const err = (status: number, code: string, detail: string) => new HttpError({ status, body: { code, detail } });

function profileOf(ctx: Ctx): AdsProfile {
  const p = ctx.sb.ads.profile(ctx.principal?.profileId ?? "");
  if (!p) throw err(401, "UNAUTHORIZED", "Not authorized to access scope");
  return p;
}

type Status = "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED";

function phase(ctx: Ctx, r: AdsReport): Status {
  const now = ctx.sb.clock.now();
  if (now < r.startMs) return "PENDING";
  if (now < r.doneMs) return "PROCESSING";
  return r.outcome ? "FAILED" : "COMPLETED";
}

/** Status as of now; the file is generated (once) when the report is first seen completed. */
async function status(ctx: Ctx, r: AdsReport): Promise<Status> {
  const st = phase(ctx, r);
  if (st !== "COMPLETED" || r.docId) return st;
  const p = ctx.sb.ads.profile(r.profileId);
  if (!p) return "FAILED";
  r.building ??= gzipJsonArray(adsRows(ctx.sb, p, r.spec, r.doneMs)).then((body) => {
    const id = `ads-${r.reportId}`;
    ctx.sb.documents.put(id, { body, contentType: "application/octet-stream", encoding: "gzip" });
    r.fileSize = body.length;
    r.docId = id;
  });
  await r.building;
  return "COMPLETED";
}

async function json(ctx: Ctx, r: AdsReport): Promise<Record<string, unknown>> {
  const st = await status(ctx, r);
  const out: Record<string, unknown> = {
    reportId: r.reportId, name: r.name ?? null, status: st, configuration: r.configuration, startDate: r.spec.startDate, endDate: r.spec.endDate,
    createdAt: new Date(r.createdMs).toISOString(), updatedAt: new Date(st === "PENDING" ? r.createdMs : st === "PROCESSING" ? r.startMs : r.doneMs).toISOString(),
    generatedAt: st === "COMPLETED" ? new Date(r.doneMs).toISOString() : null, url: null, urlExpiresAt: null, fileSize: null, failureReason: null,
  };
  if (st === "COMPLETED" && r.docId) {
    const { url, expiresAt } = presign(ctx.sb.origin, r.docId, ctx.sb.clock.now(), URL_TTL_S);
    out.url = url;
    out.urlExpiresAt = new Date(expiresAt).toISOString();
    out.fileSize = r.fileSize ?? 0;
  }
  if (st === "FAILED") out.failureReason = "Report generation failed due to an internal error. Please retry.";
  return out;
}

const isDate = (s: unknown): s is string => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s);

async function create(ctx: Ctx): Promise<Reply> {
  const ct = String(ctx.req.headers["content-type"] ?? "").split(";")[0]?.trim();
  if (ct !== CT_REQ) throw err(415, "415", `Content-Type must be ${CT_REQ}`);
  const p = profileOf(ctx);
  const body = ctx.json() as Record<string, unknown> | undefined;
  const cfg = body?.configuration as Record<string, unknown> | undefined;
  if (!body || !cfg) throw err(400, "400", "configuration is required");
  const { startDate, endDate } = body;
  if (!isDate(startDate) || !isDate(endDate)) throw err(400, "400", "startDate and endDate must be YYYY-MM-DD");
  for (const k of ["adProduct", "groupBy", "columns", "reportTypeId", "timeUnit", "format"]) if (cfg[k] === undefined) throw err(400, "400", `configuration.${k} is required`);
  if (cfg.adProduct !== "SPONSORED_PRODUCTS") throw err(400, "400", `adProduct ${String(cfg.adProduct)} is not supported for this account`);
  const type = cfg.reportTypeId as ReportTypeId;
  if (!REPORT_TYPES.includes(type)) throw err(400, "400", `Invalid reportTypeId ${String(cfg.reportTypeId)}`);
  if (cfg.format !== "GZIP_JSON") throw err(400, "400", "format must be GZIP_JSON");
  if (cfg.timeUnit !== "DAILY" && cfg.timeUnit !== "SUMMARY") throw err(400, "400", "timeUnit must be DAILY or SUMMARY");
  const groupBy = cfg.groupBy as string[];
  if (!Array.isArray(groupBy) || !GROUP_BY[type].some((g) => g.length === groupBy.length && g.every((x) => groupBy.includes(x)))) throw err(400, "400", `Invalid groupBy for ${type}: ${JSON.stringify(groupBy)}`);
  const columns = cfg.columns as string[];
  if (!Array.isArray(columns) || columns.length === 0) throw err(400, "400", "columns must be a non-empty array");
  const bad = columns.filter((c) => !COLUMNS[type].includes(c));
  if (bad.length) throw err(400, "400", `Invalid columns for ${type}: ${bad.join(", ")}`);
  if (cfg.timeUnit === "DAILY" && (columns.includes("startDate") || columns.includes("endDate"))) throw err(400, "400", "startDate/endDate columns are only valid with timeUnit SUMMARY");
  if (cfg.timeUnit === "SUMMARY" && columns.includes("date")) throw err(400, "400", "date column is only valid with timeUnit DAILY");
  const today = localDay(ctx.sb.clock.now(), p.marketplace.timezone);
  if (endDate < startDate) throw err(400, "400", "endDate must not be before startDate");
  if (dayDiff(startDate, endDate) + 1 > MAX_RANGE_DAYS) throw err(400, "400", `The date range cannot exceed ${String(MAX_RANGE_DAYS)} days`);
  if (startDate < addDays(today, -RETENTION_DAYS)) throw err(400, "400", `startDate cannot be more than ${String(RETENTION_DAYS)} days in the past`);
  if (endDate > today) throw err(400, "400", "endDate cannot be in the future");
  const filters = Array.isArray(cfg.filters) ? (cfg.filters as Array<{ field: string; values: string[] }>) : [];
  const spec: AdsReportSpec = { reportTypeId: type, groupBy, columns, timeUnit: cfg.timeUnit, filters, startDate, endDate };
  const now = ctx.sb.clock.now();
  // Amazon's duplicate check is looser than "the same request": the same report type, grouping, filters and
  // dates is a duplicate whatever its columns or time unit, so a SUMMARY report blocks its DAILY twin.
  const duplicateKey = (profileId: string, x: AdsReportSpec) => JSON.stringify({ profileId, t: x.reportTypeId, g: [...x.groupBy].sort(), f: x.filters, s: x.startDate, e: x.endDate });
  const key = duplicateKey(p.profileId, spec);
  for (const r of store(ctx).values()) {
    if (r.deleted || duplicateKey(r.profileId, r.spec) !== key) continue;
    const st = phase(ctx, r);
    if (st === "PENDING" || st === "PROCESSING") throw err(425, "425", `The Request is a duplicate of : ${r.reportId}`);
  }
  const exact = JSON.stringify({ p: p.profileId, spec });
  const asked = [...store(ctx).values()].filter((x) => JSON.stringify({ p: x.profileId, spec: x.spec }) === exact).length;
  const timing = reportTiming(`${ctx.sb.seed}|${exact}|${asked}`, ctx.sb.options.reportDelaySeconds * 1000, ctx.sb.options.reportTiming);
  const r: AdsReport = { reportId: randomUUID(), profileId: p.profileId, spec, configuration: { ...cfg, filters }, createdMs: now, startMs: now + timing.startAfterMs, doneMs: now + timing.doneAfterMs };
  if (typeof body.name === "string") r.name = body.name;
  if (ctx.sb.faults.get("createAsyncReport").reportOutcome || timing.fails) r.outcome = "FAILED";
  if (!ctx.sb.faults.get("createAsyncReport").reportLost) store(ctx).set(r.reportId, r);
  return { status: 200, headers: { "content-type": "application/vnd.createasyncreportresponse.v3+json" }, body: await json(ctx, r) };
}

function own(ctx: Ctx): AdsReport {
  const p = profileOf(ctx);
  const r = store(ctx).get(ctx.params.reportId ?? "");
  if (!r || r.deleted || r.profileId !== p.profileId) throw err(404, "404", "Report not found");
  return r;
}

async function get(ctx: Ctx): Promise<Reply> {
  return { status: 200, headers: { "content-type": "application/vnd.getasyncreportresponse.v3+json" }, body: await json(ctx, own(ctx)) };
}

function del(ctx: Ctx): Reply {
  const r = own(ctx);
  if (phase(ctx, r) !== "PENDING") throw err(400, "400", "Only PENDING reports can be deleted");
  r.deleted = true;
  return { status: 200, headers: { "content-type": "application/vnd.deleteasyncreportresponse.v3+json" }, body: { code: "200", detail: "Report deleted", reportId: r.reportId } };
}

export const adsReportingRoutes: Route[] = [
  { method: "POST", path: "/reporting/reports", operation: "createAsyncReport", auth: "ads", handler: create },
  { method: "GET", path: "/reporting/reports/{reportId}", operation: "getAsyncReport", auth: "ads", handler: get },
  { method: "DELETE", path: "/reporting/reports/{reportId}", operation: "deleteAsyncReport", auth: "ads", handler: del },
];


import iconv from "iconv-lite";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import type { ErrorObject } from "ajv";
import { parse as parseYaml } from "yaml";
import type { RunningSandbox, SandboxOptions } from "../index";
import { startSandbox } from "../index";

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("package.json not found");
    dir = up;
  }
  return dir;
}

/**
 * Amazon's official models, which the sandbox is checked against. They live beside the repository (never
 * copied into it); SHARED_AMAZON_DIR points elsewhere. Missing, every contract test fails: a contract
 * that was not checked must not pass as one that was.
 */
export const SHARED_AMAZON = path.resolve(process.env.SHARED_AMAZON_DIR ?? path.join(repoRoot(), "../shared/amazon"));
if (!existsSync(SHARED_AMAZON))
  throw new Error(`Amazon's official models are missing at ${SHARED_AMAZON}: the sandbox's contract tests need them (set SHARED_AMAZON_DIR).`);

type Json = Record<string, unknown>;

/** Response bodies in tests are checked against the official schemas, so a loose type is enough here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJson = any;
const cache = new Map<string, Json>();

export function loadShared(rel: string): Json {
  let v = cache.get(rel);
  if (!v) {
    const text = readFileSync(path.join(SHARED_AMAZON, rel), "utf8");
    v = (rel.endsWith(".yaml") ? parseYaml(text) : JSON.parse(text)) as Json;
    cache.set(rel, v);
  }
  return v;
}

/** Forbid undocumented properties: every object with declared properties becomes closed. */
function closeObjects(node: unknown, inAllOf = false): void {
  if (Array.isArray(node)) { for (const n of node) closeObjects(n, inAllOf); return; }
  if (!node || typeof node !== "object") return;
  const o = node as Json;
  if (o.properties && typeof o.properties === "object" && o.additionalProperties === undefined && !inAllOf && !o.allOf) {
    o.additionalProperties = false;
  }
  for (const [k, v] of Object.entries(o)) {
    if (k === "example" || k === "examples" || k === "x-amzn-api-sandbox") continue;
    closeObjects(v, k === "allOf" || k === "oneOf" || k === "anyOf");
  }
}

const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
const ajvs = new Map<string, Ajv>();

function ajvFor(rel: string): Ajv {
  let ajv = ajvs.get(rel);
  if (!ajv) {
    ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true, discriminator: false });
    addFormats(ajv);
    const doc = structuredClone(loadShared(rel));
    delete doc.paths;
    closeObjects(doc);
    ajv.addSchema(doc, rel);
    ajvs.set(rel, ajv);
  }
  return ajv;
}

export interface OperationSpec {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  responses: Record<string, Json>;
  requestBody?: Json;
}

export function operation(rel: string, p: string, method: string): OperationSpec {
  const paths = loadShared(rel).paths as Record<string, Record<string, OperationSpec>>;
  const op = paths[p]?.[method.toLowerCase()];
  if (!op) throw new Error(`no ${method} ${p} in ${rel}`);
  return op;
}

function schemaRef(rel: string, schema: Json): Json {
  // Rebase local refs (#/definitions/X, #/components/schemas/X) onto the model document.
  const s = JSON.stringify(schema).replace(/"#\//g, `"${rel}#/`);
  return JSON.parse(s) as Json;
}

/** Validates a body against the documented response schema; returns readable errors. */
export function validateResponse(rel: string, p: string, method: string, status: number, body: unknown, mediaType?: string): string[] {
  const op = operation(rel, p, method);
  const resp = op.responses[String(status)];
  if (!resp) return [`status ${String(status)} is not documented for ${method} ${p}`];
  let schema = resp.schema as Json | undefined;
  if (!schema && resp.content) {
    const content = resp.content as Record<string, { schema?: Json }>;
    const key = mediaType ?? Object.keys(content)[0] ?? "";
    schema = content[key]?.schema;
    if (!schema) return [`no schema for ${key} in ${method} ${p} ${String(status)}; have ${Object.keys(content).join(",")}`];
  }
  if (!schema) return [`no schema for ${method} ${p} ${String(status)}`];
  const ajv = ajvFor(rel);
  const validate = ajv.compile(schemaRef(rel, schema));
  if (validate(body)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

/** Documented parameter names of an operation, by location. */
export function documentedParams(rel: string, p: string, method: string, where = "query"): string[] {
  return (operation(rel, p, method).parameters ?? []).filter((x) => x.in === where).map((x) => x.name);
}

// ---- running sandbox helpers ------------------------------------------------

export const FIXED_NOW = new Date("2026-03-18T15:00:00Z");

export async function testSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seed: "test-seed", volume: "tiny", now: () => FIXED_NOW, historyDays: 200, reportDelaySeconds: 30, reportTail: false, reportFailureRate: 0, ...opts });
}

export async function spToken(sb: RunningSandbox, sellerId?: string): Promise<string> {
  const r = await fetch(`${sb.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId }) });
  return ((await r.json()) as { access_token: string }).access_token;
}

export async function adsToken(sb: RunningSandbox, sellerId?: string): Promise<string> {
  const r = await fetch(`${sb.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "ads", sellerId }) });
  return ((await r.json()) as { access_token: string }).access_token;
}

export async function spGet(sb: RunningSandbox, token: string, pathAndQuery: string): Promise<{ status: number; body: AnyJson; headers: Headers }> {
  const r = await fetch(sb.origin + pathAndQuery, { headers: { "x-amz-access-token": token } });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
}

export async function spSend(sb: RunningSandbox, token: string, method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; body: AnyJson; headers: Headers }> {
  const init: RequestInit = { method, headers: { "x-amz-access-token": token, "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const r = await fetch(sb.origin + pathAndQuery, init);
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
}

export async function advance(sb: RunningSandbox, seconds: number): Promise<void> {
  await fetch(`${sb.origin}/__sandbox/time/advance`, { method: "POST", body: JSON.stringify({ seconds }) });
}

/** A document's bytes, unzipped if they are gzip (whatever its label says). */
export async function download(url: string): Promise<Buffer> {
  return (await downloadText(url)).bytes;
}

/** A document's text, decoded by the charset its Content-Type declares (Cp1252, windows-31j or UTF-8). */
export async function downloadText(url: string): Promise<{ bytes: Buffer; text: string; contentType: string }> {
  const r = await fetch(url);
  if (r.status !== 200) throw new Error(`download ${String(r.status)}: ${await r.text()}`);
  const raw = Buffer.from(await r.arrayBuffer());
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const contentType = r.headers.get("content-type") ?? "";
  const charset = /charset=([^;\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  const text = charset === "cp1252" ? iconv.decode(bytes, "win1252") : charset === "windows-31j" ? iconv.decode(bytes, "shift_jis") : bytes.toString("utf8");
  return { bytes, text, contentType };
}

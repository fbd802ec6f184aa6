import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Ctx, Reply } from "../http/types";
import { spError } from "../http/types";
import { sandboxSetting } from "../settings";

// Amazon's *static* SP-API sandbox: requests that match an `x-amzn-api-sandbox`
// example of the official models get that example's documented answer. Served
// under /__static/<Amazon path> (or any Host starting with "sandbox."), from the
// models in SANDBOX_SP_MODELS_DIR, SHARED_AMAZON_DIR/sp-api-models or ../shared/amazon/sp-api-models.

interface Example { status: number; params: Record<string, unknown>; response: unknown }
interface Op { method: string; re: RegExp; names: string[]; paramIn: Record<string, string>; examples: Example[] }

function modelsDir(): string | undefined {
  const configured = sandboxSetting("SANDBOX_SP_MODELS_DIR");
  if (configured) return configured;
  const shared = sandboxSetting("SHARED_AMAZON_DIR");
  if (shared) return path.join(shared, "sp-api-models");
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  const d = path.resolve(dir, "../shared/amazon/sp-api-models");
  return existsSync(d) ? d : undefined;
}

let ops: Op[] | undefined;

interface SwaggerParam { name: string; in: string }
interface SwaggerOp { parameters?: SwaggerParam[]; responses?: Record<string, { "x-amzn-api-sandbox"?: { static?: Array<{ request?: { parameters?: Record<string, { value: unknown }> }; response?: unknown }> } }> }

export function loadStaticOps(): Op[] {
  if (ops) return ops;
  ops = [];
  const dir = modelsDir();
  if (!dir) return ops;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    const doc = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { paths: Record<string, Record<string, SwaggerOp | SwaggerParam[]>> };
    for (const [p, item] of Object.entries(doc.paths)) {
      const shared = (Array.isArray(item.parameters) ? item.parameters : []) as SwaggerParam[];
      for (const [method, raw] of Object.entries(item)) {
        if (method === "parameters" || Array.isArray(raw)) continue;
        const op = raw;
        const names: string[] = [];
        const re = new RegExp("^" + p.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, n: string) => { names.push(n); return "([^/]*)"; }) + "$");
        const paramIn: Record<string, string> = {};
        for (const prm of [...shared, ...(op.parameters ?? [])]) paramIn[prm.name] = prm.in;
        const examples: Example[] = [];
        for (const [code, r] of Object.entries(op.responses ?? {})) {
          for (const s of r["x-amzn-api-sandbox"]?.static ?? []) {
            const params: Record<string, unknown> = {};
            // A parameter listed without a value (e.g. `body: {}`) constrains nothing.
            for (const [k, v] of Object.entries(s.request?.parameters ?? {})) if (v && "value" in v) params[k] = v.value;
            examples.push({ status: Number(code), params, response: s.response });
          }
        }
        if (examples.length) ops.push({ method: method.toUpperCase(), re, names, paramIn, examples });
      }
    }
  }
  return ops;
}

function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v);
}

function matches(ctx: Ctx, op: Op, pathParams: Record<string, string>, ex: Example): boolean {
  for (const [name, want] of Object.entries(ex.params)) {
    const where = op.paramIn[name] ?? (name === "body" ? "body" : "query");
    if (where === "path") { if (pathParams[name] !== String(want)) return false; continue; }
    if (where === "body") {
      let got: unknown;
      // An absent body matches an example whose body is the empty object.
      try { got = JSON.parse(ctx.rawBody.toString("utf8") || "{}"); } catch { return false; }
      if (canon(got) !== canon(want)) return false;
      continue;
    }
    if (where === "header") { if (String(ctx.req.headers[name.toLowerCase()] ?? "") !== String(want)) return false; continue; }
    const got = ctx.query.getAll(name).flatMap((x) => x.split(","));
    const exp = Array.isArray(want) ? want.map(String) : [String(want)];
    if (got.join(",") !== exp.join(",")) return false;
  }
  return true;
}

export function staticSandbox(ctx: Ctx, amazonPath: string): Reply {
  const all = loadStaticOps();
  if (all.length === 0) return { status: 501, body: { errors: [{ code: "NotImplemented", message: "Static sandbox models not found (set SANDBOX_SP_MODELS_DIR)" }] } };
  for (const op of all) {
    if (op.method !== ctx.req.method) continue;
    const m = op.re.exec(amazonPath);
    if (!m) continue;
    const pathParams: Record<string, string> = {};
    op.names.forEach((n, i) => { pathParams[n] = decodeURIComponent(m[i + 1] ?? ""); });
    // Most specific example first: the one constraining the most parameters.
    const ex = [...op.examples].sort((a, b) => Object.keys(b.params).length - Object.keys(a.params).length).find((e) => matches(ctx, op, pathParams, e));
    if (ex) return { status: ex.status, body: ex.response === undefined ? "" : ex.response };
  }
  throw spError(400, "InvalidInput", "Could not match input arguments");
}

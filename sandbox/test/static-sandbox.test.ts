import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { type AnyJson, SHARED_AMAZON, spToken, testSandbox } from "./helpers";

interface Case { file: string; method: string; template: string; status: number; params: Record<string, unknown>; response: unknown; paramIn: Record<string, string> }

function cases(): Case[] {
  const dir = path.join(SHARED_AMAZON, "sp-api-models");
  const out: Case[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const doc = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    for (const [p, item] of Object.entries<AnyJson>(doc.paths)) {
      for (const [method, op] of Object.entries<AnyJson>(item)) {
        if (!op?.responses) continue;
        const paramIn: Record<string, string> = {};
        for (const prm of [...(item.parameters ?? []), ...(op.parameters ?? [])]) paramIn[prm.name] = prm.in;
        for (const [code, r] of Object.entries<AnyJson>(op.responses)) {
          for (const s of r["x-amzn-api-sandbox"]?.static ?? []) {
            const params: Record<string, unknown> = {};
            for (const [k, v] of Object.entries<AnyJson>(s.request?.parameters ?? {})) if (v && "value" in v) params[k] = v.value;
            out.push({ file, method: method.toUpperCase(), template: p, status: Number(code), params, response: s.response, paramIn });
          }
        }
      }
    }
  }
  return out;
}

let sb: RunningSandbox;
let token: string;
beforeAll(async () => { sb = await testSandbox(); token = await spToken(sb); });
afterAll(async () => { await sb.close(); });

describe("static sandbox examples of the official models", () => {
  const all = cases();
  it("there are examples to check", () => { expect(all.length).toBeGreaterThan(100); });
  it("every x-amzn-api-sandbox static example gives its documented answer", async () => {
    const failures: string[] = [];
    for (const c of all) {
      let p = c.template;
      const q = new URLSearchParams();
      let body: string | undefined;
      const headers: Record<string, string> = { "x-amz-access-token": token };
      for (const [k, v] of Object.entries(c.params)) {
        const where = c.paramIn[k] ?? (k === "body" ? "body" : "query");
        if (where === "path") p = p.replace(`{${k}}`, encodeURIComponent(String(v)));
        else if (where === "body") { body = JSON.stringify(v); headers["content-type"] = "application/json"; }
        else if (where === "header") headers[k] = String(v);
        else q.set(k, Array.isArray(v) ? v.join(",") : String(v));
      }
      const init: RequestInit = { method: c.method, headers };
      if (body !== undefined) init.body = body;
      const r = await fetch(`${sb.origin}/__static${p}${q.size ? "?" + q.toString() : ""}`, init);
      const text = await r.text();
      const got = text ? JSON.parse(text) : undefined;
      // 204 carries no body on the wire whatever the example says.
      const want = c.status === 204 ? undefined : c.response;
      if (r.status !== c.status || JSON.stringify(got) !== JSON.stringify(want)) {
        // Two examples with identical parameters cannot both be served; Amazon answers the first.
        const twin = all.find((o) => o !== c && o.file === c.file && o.template === c.template && o.method === c.method && JSON.stringify(o.params) === JSON.stringify(c.params));
        if (!twin) failures.push(`${c.file} ${c.method} ${c.template} ${String(c.status)}: got ${String(r.status)}`);
      }
    }
    expect(failures).toEqual([]);
  });
  it("requires an LWA token and says so when nothing matches", async () => {
    expect((await fetch(`${sb.origin}/__static/sellers/v1/marketplaceParticipations`)).status).toBe(403);
    const r = await fetch(`${sb.origin}/__static/orders/v0/orders?CreatedAfter=nope`, { headers: { "x-amz-access-token": token } });
    expect(r.status).toBe(400);
  });
});

import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allRoutes } from "../routes";
import { loadShared, SHARED_AMAZON } from "./helpers";

// Every Amazon path the sandbox serves must be a real path of the official models.
describe("routes are Amazon's", () => {
  const spPaths = new Set<string>();
  const adsPaths = new Set<string>();
  for (const f of readdirSync(path.join(SHARED_AMAZON, "sp-api-models"))) {
    const doc = loadShared(`sp-api-models/${f}`) as { paths: Record<string, Record<string, unknown>> };
    for (const [p, item] of Object.entries(doc.paths)) for (const m of Object.keys(item)) spPaths.add(`${m.toUpperCase()} ${p}`);
  }
  for (const f of ["SponsoredProducts_prod_3p.json", "OfflineReport_prod_3p.json", "Profiles_prod_3p.yaml"]) {
    const doc = loadShared(`ads-api-specs/${f}`) as { paths: Record<string, Record<string, unknown>> };
    for (const [p, item] of Object.entries(doc.paths)) for (const m of Object.keys(item)) adsPaths.add(`${m.toUpperCase()} ${p}`);
  }
  it("SP-API routes", () => {
    const sp = allRoutes().filter((r) => r.auth === "sp");
    expect(sp.length).toBeGreaterThanOrEqual(22);
    for (const r of sp) expect(spPaths, `${r.method} ${r.path}`).toContain(`${r.method} ${r.path}`);
  });
  it("Ads API routes", () => {
    const ads = allRoutes().filter((r) => r.auth === "ads" || r.auth === "ads-noscope");
    expect(ads.length).toBeGreaterThanOrEqual(39);
    for (const r of ads) expect(adsPaths, `${r.method} ${r.path}`).toContain(`${r.method} ${r.path}`);
  });
  it("nothing else collides with Amazon: non-Amazon routes live under /__, or at the ECB's own feed paths", () => {
    // The ECB's reference-rate feeds are another real service the sandbox stands in for, at its real paths.
    const ecb = ["/stats/eurofxref/eurofxref-daily.xml", "/stats/eurofxref/eurofxref-hist-90d.xml", "/stats/eurofxref/eurofxref-hist.xml"];
    for (const r of allRoutes().filter((x) => x.auth === "none")) {
      expect(r.path.startsWith("/__") || ecb.includes(r.path) || ["/auth/o2/token", "/ap/oa", "/apps/authorize/consent"].includes(r.path), r.path).toBe(true);
    }
  });
});

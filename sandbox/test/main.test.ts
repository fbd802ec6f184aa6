import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIALS } from "../credentials";
import { startSandbox } from "../index";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("entry points", () => {
  it("npm run sandbox (tsx sandbox/main.ts) prints its origin and credentials and serves", async () => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "sandbox/main.ts"], { cwd: root, env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_VOLUME: "tiny" } });
    try {
      let out = "";
      const origin = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no origin printed: ${out}`)), 20_000);
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/[^\s]+)/.exec(out);
          if (m && out.includes("ADS_CLIENT_SECRET")) { clearTimeout(timer); resolve(m[1]!); }
        });
      });
      expect(out).toContain(SANDBOX_CREDENTIALS.spApiClientId);
      expect(out).toContain(SANDBOX_CREDENTIALS.adsClientSecret);
      const state = (await (await fetch(`${origin}/__sandbox/state`)).json()) as { volume: string };
      expect(state.volume).toBe("tiny");
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("a store authorized in a fast demo sees orders arrive as sandbox time passes", async () => {
    let real = Date.parse("2026-03-18T15:00:00Z");
    const sb = await startSandbox({ port: 0, seed: "demo", volume: "small", timeScale: 3600, now: () => new Date(real) });
    try {
      const since = new Date(sb.sandbox.clock.now() - 3600_000).toISOString();
      const count = async () => {
        sb.sandbox.quotas.reset();
        // Access tokens last one sandbox hour, so take a fresh one each time.
        const tok = (await (await fetch(`${sb.origin}/__sandbox/tokens`, { method: "POST", body: "{}" })).json()) as { access_token: string };
        const r = await fetch(`${sb.origin}/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=${since}`, { headers: { "x-amz-access-token": tok.access_token } });
        return ((await r.json()) as { payload: { Orders: unknown[] } }).payload.Orders.length;
      };
      const before = await count();
      real += 3 * 1000; // 3 real seconds = 3 sandbox hours
      const after = await count();
      expect(after).toBeGreaterThan(before);
    } finally { await sb.close(); }
  });
});

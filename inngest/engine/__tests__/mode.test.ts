import { createHmac } from "node:crypto";
import canonicalize from "canonicalize";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { afterAll, describe, expect, it } from "vitest";
import { inngestMode } from "~/inngest/client";
import { buildCallRequest } from "../call";
import { nextFire, parseCron } from "../cron";
import { parseDuration, sleepTarget } from "../duration";
import { createHarness, type Harness } from "../testing";

describe("inngestMode", () => {
  it("is embedded with no Inngest configuration, even with a stray INNGEST_DEV (the launcher removes it)", () => {
    expect(inngestMode({})).toBe("embedded");
    expect(inngestMode({ INNGEST_DEV: "http://127.0.0.1:8288" })).toBe("embedded");
  });
  it("is self-hosted with INNGEST_BASE_URL, cloud with keys", () => {
    expect(inngestMode({ INNGEST_BASE_URL: "http://inngest:8288", INNGEST_SIGNING_KEY: "signkey-prod-ab" })).toBe("self-hosted");
    expect(inngestMode({ INNGEST_SIGNING_KEY: "signkey-prod-ab" })).toBe("cloud");
    expect(inngestMode({ INNGEST_EVENT_KEY: "k" })).toBe("cloud");
  });
});

describe("production mode: the serve handler verifies signatures", () => {
  const key = "signkey-prod-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  const client = new Inngest({ id: "cloud", isDev: false, signingKey: key, logger: { info() {}, warn() {}, error() {}, debug() {} } });
  const fn = client.createFunction({ id: "hello", triggers: [{ event: "cloud/hello" }] }, async () => "hi");
  const { POST } = serve({ client, functions: [fn] });
  const call = () =>
    buildCallRequest({
      url: "http://app.test/api/inngest?fnId=cloud-hello",
      stepId: null,
      runId: "01RUN",
      attempt: 0,
      maxAttempts: 4,
      event: { id: "e1", name: "cloud/hello", data: {}, ts: 1 },
      events: [{ id: "e1", name: "cloud/hello", data: {}, ts: 1 }],
      steps: {},
      stack: [],
      disableImmediate: false,
      version: 2,
    });

  it("rejects an unsigned call", async () => {
    const res = await POST(call() as never, undefined as never);
    expect(res.status).toBe(401);
  });

  it("accepts a call signed with HMAC-SHA256 over canonical JSON + timestamp", async () => {
    const unsigned = call();
    const body = await unsigned.text();
    const t = Math.floor(Date.now() / 1000);
    const secret = key.replace(/^signkey-\w+-/, "");
    const s = createHmac("sha256", secret).update(`${canonicalize(JSON.parse(body))}${t}`).digest("hex");
    const headers = new Headers(unsigned.headers);
    headers.set("x-inngest-signature", `t=${t}&s=${s}`);
    const res = await POST(new Request(unsigned.url, { method: "POST", headers, body }) as never, undefined as never);
    expect(res.status).toBe(200);
    expect(await res.json()).toBe("hi");
    expect(res.headers.get("x-inngest-signature")).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
  });
});

describe("durations and cron parsing", () => {
  it("parses Go-style durations the SDK writes", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("1w3d")).toBe(864_000_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(() => parseDuration("soon")).toThrow();
    const now = new Date("2030-01-01T00:00:00Z");
    expect(sleepTarget("10s", now).toISOString()).toBe("2030-01-01T00:00:10.000Z");
    expect(sleepTarget("2030-02-01T00:00:00.000Z", now).toISOString()).toBe("2030-02-01T00:00:00.000Z");
  });

  it("reads TZ= and CRON_TZ= prefixes and respects DST", () => {
    expect(parseCron("CRON_TZ=America/New_York 0 9 * * 1-5")).toEqual({ timezone: "America/New_York", pattern: "0 9 * * 1-5" });
    // Berlin switches to CEST on 2026-03-29: 03:00 local is 01:00Z that day, 02:00Z the day before.
    expect(nextFire("TZ=Europe/Berlin 0 3 * * *", new Date("2026-03-28T00:00:00Z")).toISOString()).toBe("2026-03-28T02:00:00.000Z");
    expect(nextFire("TZ=Europe/Berlin 0 3 * * *", new Date("2026-03-28T12:00:00Z")).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(nextFire("*/15 * * * *", new Date("2030-01-01T00:07:00Z")).toISOString()).toBe("2030-01-01T00:15:00.000Z");
  });
});

describe("the executor driving a cloud-mode app", () => {
  const key = "signkey-test-fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
  const client = new Inngest({ id: "signed", isDev: false, signingKey: key, logger: { info() {}, warn() {}, error() {}, debug() {} } });
  const fn = client.createFunction({ id: "work", triggers: [{ event: "signed/go" }] }, async ({ step }) => {
    const n = await step.run("one", () => 20);
    return n + 1;
  });
  const app = { client, bind: () => undefined };
  let h: Harness | undefined;
  afterAll(async () => h?.close());

  it("signs syncs and calls (canonical JSON), so the same functions run unchanged", async () => {
    h = await createHarness({ client: app, functions: [fn], signingKey: key });
    await h.executor.send([{ name: "signed/go", data: {} }]);
    await h.executor.runUntilIdle();
    expect(h.callsOf("signed-work").map((c) => c.status)).toEqual([206, 200]);
    expect((await h.runsOf("signed-work"))[0]).toMatchObject({ status: "completed", output: 21 });
  });

  it("is refused by the app without the key", async () => {
    await expect(createHarness({ client: app, functions: [fn], db: h!.db })).rejects.toThrow(/401/);
  });
});

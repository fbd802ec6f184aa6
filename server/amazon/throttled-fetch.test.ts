import { describe, expect, it } from "vitest";
import { fetchWithThrottleRetry } from "./throttled-fetch";

describe("fetchWithThrottleRetry", () => {
  it("waits out Amazon's 429s (Retry-After) and passes the answer on", async () => {
    const answers = [new Response("", { status: 429, headers: { "retry-after": "0.05" } }), new Response("", { status: 429 }), Response.json({ ok: true })];
    let calls = 0;
    const started = Date.now();
    const response = await fetchWithThrottleRetry((async () => answers[calls++]!) as typeof fetch, "https://x.test", {});
    expect(calls).toBe(3);
    expect(await response.json()).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("gives up after a few throttles and returns the 429", async () => {
    let calls = 0;
    const response = await fetchWithThrottleRetry((async () => (calls++, new Response("", { status: 429, headers: { "retry-after": "0.01" } }))) as typeof fetch, "https://x.test", {});
    expect(response.status).toBe(429);
    expect(calls).toBe(4);
  });
});

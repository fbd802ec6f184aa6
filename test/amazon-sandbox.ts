import { SANDBOX_CREDENTIALS, startSandbox, type RunningSandbox, type SandboxOptions } from "~/sandbox";
import { generateKeyRingEntry } from "~/server/crypto/secrets";

/**
 * A sandbox Amazon in this test process, with the product's settings pointed at it. Reports take exactly the
 * delay and never fail on their own unless a test asks (tests on a frozen clock advance it by the delay).
 */
export async function startTestAmazon(options: Omit<SandboxOptions, "port"> = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ seed: "tests", reportTail: false, reportFailureRate: 0, ...options, port: 0 });
  pointAmazonAtSandbox(sandbox.origin);
  return sandbox;
}

/** Points the product's Amazon settings at a sandbox origin (with its documented credentials). */
export function pointAmazonAtSandbox(origin: string) {
  const c = SANDBOX_CREDENTIALS;
  Object.assign(process.env, {
    AMAZON_SANDBOX_URL: origin,
    SP_API_APPLICATION_ID: c.spApiApplicationId,
    SP_API_CLIENT_ID: c.spApiClientId,
    SP_API_CLIENT_SECRET: c.spApiClientSecret,
    ADS_CLIENT_ID: c.adsClientId,
    ADS_CLIENT_SECRET: c.adsClientSecret,
    APP_URL: "http://localhost:3999",
    ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? generateKeyRingEntry("test"),
  });
}

/**
 * What the seller's browser does on Amazon's consent page: submit the form for one seller account, and
 * return the query Amazon redirects back to us with.
 */
export async function consentOnAmazon(
  consentUrl: string,
  sellerId: string,
  action: "confirm" | "cancel" | "allow" = "confirm",
): Promise<URLSearchParams> {
  const url = new URL(consentUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set("seller", sellerId);
  form.set("action", action);
  form.set("agree", "on");
  const response = await fetch(new URL(url.pathname, url.origin), {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`Consent page answered ${response.status}: ${await response.text()}`);
  return new URL(location).searchParams;
}

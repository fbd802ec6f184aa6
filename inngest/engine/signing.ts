import { createHmac } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * `X-Inngest-Signature` as Inngest's executor writes it: `t=<unix s>&s=<hex HMAC-SHA256>` over the
 * RFC 8785 canonical JSON of the body followed by t, keyed with the signing key minus its
 * `signkey-<env>-` prefix. Only used when the executor is given a key (to drive a cloud-mode app);
 * insertion-order JSON is rejected by the SDK, hence canonicalize.
 */
export function signBody(body: unknown, signingKey: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  const key = signingKey.replace(/^signkey-\w+-/, "");
  const s = createHmac("sha256", key).update(`${canonicalize(body) ?? ""}${t}`).digest("hex");
  return `t=${t}&s=${s}`;
}

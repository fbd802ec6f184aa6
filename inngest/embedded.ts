import { randomBytes } from "node:crypto";
import { newSigningKey, type ExecutorKeys } from "./engine/auth";

/** Fresh keys for an embedded installation (the launcher keeps them in the data folder). */
export const generateSigningKey = () => newSigningKey(randomBytes(32));
export const generateEventKey = () => randomBytes(24).toString("base64url");

/**
 * The app's Inngest settings when the embedded executor stands in for an Inngest server: exactly the
 * settings of a self-hosted `inngest start` (base URL and both keys), so the serve handler runs in
 * cloud mode and verifies every call's signature. Dev mode (INNGEST_DEV) is never used: it verifies
 * nothing, and anyone who reaches /api/inngest could run functions with forged step results.
 */
export function embeddedInngestEnvironment(keys: ExecutorKeys, executorUrl: string, appOrigin: string) {
  return {
    INNGEST_BASE_URL: executorUrl,
    INNGEST_SIGNING_KEY: keys.signingKey,
    INNGEST_EVENT_KEY: keys.eventKey,
    INNGEST_SERVE_ORIGIN: appOrigin,
  };
}

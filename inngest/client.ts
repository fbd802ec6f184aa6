import { Inngest } from "inngest";
import { setting } from "~/server/settings";

/**
 * The one Inngest client. Its mode comes from the environment, so the same code runs:
 * - embedded: the launcher starts inngest/engine and points the app at it as at a self-hosted server
 *   (INNGEST_BASE_URL and generated keys, see inngest/embedded.ts): cloud mode, signatures verified;
 * - self-hosted: INNGEST_BASE_URL (+ INNGEST_SIGNING_KEY / INNGEST_EVENT_KEY);
 * - cloud: INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY. INNGEST_DEV must never be set here.
 */
export const inngest = new Inngest({ id: "shelfwise" });

export type InngestMode = "embedded" | "self-hosted" | "cloud";

const configured = () => ({
  INNGEST_BASE_URL: setting("INNGEST_BASE_URL"),
  INNGEST_SIGNING_KEY: setting("INNGEST_SIGNING_KEY"),
  INNGEST_EVENT_KEY: setting("INNGEST_EVENT_KEY"),
});

/** Which mode the launcher should run in; the embedded executor starts only for "embedded". */
export function inngestMode(env: Readonly<Record<string, string | undefined>> = configured()): InngestMode {
  if (env.INNGEST_BASE_URL) return "self-hosted";
  if (env.INNGEST_SIGNING_KEY || env.INNGEST_EVENT_KEY) return "cloud";
  return "embedded";
}

import { z } from "zod";
import type { EmbeddedOptions } from "~/db/embedded/options";
import type { Declaration } from "../declaration";
import { flag, json, oneOf, port, postgresUrl, text, trueOrFalse } from "../kinds";

const embeddedOptions = z.object({
  dataDir: z.string(),
  port: z.number().int(),
  database: z.string(),
  password: z.string(),
}) satisfies z.ZodType<EmbeddedOptions>;

/** Read only by the test tooling (vitest, Playwright); listed so that nobody wonders what they are. */
export const TEST_SETTINGS = {
  E2E_PORT: { ...port(3100), audience: "test", readBy: ["tests"], meaning: "Port of the browser tests' server." },
  CHROMIUM_PATH: { ...text("/usr/bin/chromium"), audience: "test", readBy: ["tests"], meaning: "The Chromium the browser tests drive (never downloaded)." },
  TEST_DATABASE_SERVER_URL: {
    ...postgresUrl(),
    audience: "test",
    readBy: ["tests"],
    secret: true,
    shownDefault: "(set by the vitest global setup)",
    meaning: "Server the tests create their throwaway databases on: `DATABASE_URL`, or an embedded PostgreSQL started for the run.",
  },
  EMBEDDED_POSTGRES_TEST_PORT: { ...port(54329), audience: "test", readBy: ["tests"], meaning: "Port of the tests' embedded PostgreSQL (when `DATABASE_URL` is unset)." },
  EMBEDDED_POSTGRES_E2E_PORT: { ...port(54331), audience: "test", readBy: ["tests"], meaning: "Port of the browser tests' embedded PostgreSQL (when `DATABASE_URL` is unset)." },
  TEST_GATE: { ...flag(), audience: "test", readBy: ["tests"], shownDefault: "0", meaning: "`1` runs only the test that fails on purpose (`.ci/run`'s gate)." },
  CI: { ...text(), audience: "test", readBy: ["tests"], meaning: "Set by CI: the browser tests retry a failed test once." },
} satisfies Record<string, Declaration>;

/** Set by the launcher (or a parent process) for its children; never set them yourself. */
export const INTERNAL_SETTINGS = {
  NODE_ENV: {
    ...oneOf(["development", "production", "test"]),
    audience: "internal",
    readBy: ["web"],
    via: { web: "Next.js" },
    shownDefault: "production",
    meaning: "`production` under `npm start` and `next build`; `development` only in a developer's `next dev` (error details, query logging).",
  },
  NEXT_TELEMETRY_DISABLED: { ...flag(), audience: "internal", readBy: ["web"], via: { web: "Next.js" }, shownDefault: "1", meaning: "Keeps Next.js from sending telemetry." },
  AUTH_TRUST_HOST: {
    ...trueOrFalse(),
    audience: "internal",
    readBy: ["web"],
    via: { web: "Auth.js" },
    shownDefault: "true",
    meaning: "Lets Auth.js answer on the host it is reached at (the app's own configuration trusts it too).",
  },
  EMBEDDED_POSTGRES_OPTIONS: {
    ...json(embeddedOptions),
    audience: "internal",
    readBy: ["embedded PostgreSQL"],
    secret: true,
    shownDefault: "(set by `db/embedded.ts`)",
    meaning: "Folder, port, database and password handed to the process that runs the embedded PostgreSQL.",
  },
} satisfies Record<string, Declaration>;

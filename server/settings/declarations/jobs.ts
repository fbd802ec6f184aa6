import type { Declaration } from "../declaration";
import { flag, httpUrl, port, positiveInteger, text } from "../kinds";

const INNGEST_KEYS =
  "Inngest Cloud (or a self-hosted server with keys): the serve handler verifies signatures; the embedded executor stays off. Unset: the embedded executor and the app share keys generated once into `.data/inngest-signing-key` and `.data/inngest-event-key`, and the app verifies every call just the same. Never set `INNGEST_DEV`.";
const EXECUTOR_DETAILS = "[inngest/README.md](inngest/README.md)";

/** The jobs: which Inngest runs them, and the embedded executor's knobs. */
export const JOB_SETTINGS = {
  EXECUTOR_PORT: {
    ...port(8288),
    readBy: ["launcher", "executor"],
    meaning: `Port of the embedded Inngest executor (only when no Inngest server is configured). How it works: ${EXECUTOR_DETAILS}.`,
  },
  EXECUTOR_HOST: { ...text("127.0.0.1"), readBy: ["executor"], meaning: "Interface the embedded executor's event API listens on." },
  EXECUTOR_WORKERS: { ...positiveInteger(16), readBy: ["executor"], meaning: "Queue items the embedded executor processes at once." },
  EXECUTOR_LEASE_MS: {
    ...positiveInteger(30_000),
    readBy: ["executor"],
    meaning: "Lease of a queue item, in milliseconds: a crashed executor's work is picked up after this.",
  },
  EXECUTOR_RETRY_BASE_MS: {
    ...positiveInteger(1_000),
    readBy: ["executor"],
    meaning: "First retry delay of a failed step, in milliseconds, doubling per attempt (capped at 1 hour) unless the step asks for a `retry-after`.",
  },
  EXECUTOR_MIGRATE: {
    ...flag(),
    readBy: ["executor"],
    shownDefault: "0",
    meaning: "`1` makes a stand-alone executor apply the migrations before starting (`npm start` applies them itself).",
  },
  EXECUTOR_HISTORY_DAYS: {
    ...positiveInteger(14),
    readBy: ["web"],
    meaning: "Finished runs, their steps and events older than this many days are deleted from the embedded executor's tables every day.",
  },
  INNGEST_BASE_URL: {
    ...httpUrl(),
    readBy: ["launcher", "web"],
    via: { web: "Inngest SDK" },
    meaning: "A self-hosted Inngest server (`inngest start`); the embedded executor then stays off.",
  },
  INNGEST_SIGNING_KEY: { ...text(), readBy: ["launcher", "web", "executor"], via: { web: "Inngest SDK" }, secret: true, shownDefault: "(generated)", meaning: INNGEST_KEYS },
  INNGEST_SIGNING_KEY_FALLBACK: { ...text(), readBy: ["web"], via: { web: "Inngest SDK" }, secret: true, shownDefault: "(generated)", meaning: INNGEST_KEYS },
  INNGEST_EVENT_KEY: { ...text(), readBy: ["launcher", "web", "executor"], via: { web: "Inngest SDK" }, secret: true, shownDefault: "(generated)", meaning: INNGEST_KEYS },
  INNGEST_SERVE_ORIGIN: {
    ...httpUrl(),
    readBy: ["web"],
    via: { web: "Inngest SDK" },
    shownDefault: "(set by `npm start`)",
    meaning: "Origin the app tells Inngest to call it at. Behind a proxy, set the public one (and `INNGEST_SERVE_PATH` if `/api/inngest` moves).",
  },
  INNGEST_SERVE_PATH: { ...text(), readBy: ["web"], via: { web: "Inngest SDK" }, meaning: "Path of the serve handler as Inngest should call it, when a proxy changes it." },
  INNGEST_DEV: {
    ...text(),
    readBy: ["web"],
    via: { web: "Inngest SDK" },
    meaning: "Never set it: Inngest's dev mode verifies no signature, so anyone who reaches `/api/inngest` could run functions. With the embedded executor the launcher removes it.",
  },
} satisfies Record<string, Declaration>;

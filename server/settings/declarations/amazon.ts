import type { Declaration } from "../declaration";
import { httpUrl, nonNegativeNumber, oneOf, port, positiveNumber, shareOfOne, text, trueOrFalse } from "../kinds";

// Rows that document several variables at once share their meaning (see readme.ts).
const SP_API_CLIENT = "The LWA client of your SP-API application.";
const ADS_CLIENT = "The LWA client of your Amazon Ads API application.";
const SANDBOX_WORLD = "The sandbox Amazon's world size, seed, clock speed and report delay ([sandbox/README.md](sandbox/README.md)).";

const credential = (meaning: string) =>
  ({ ...text(), readBy: ["launcher", "web"], secret: true, shownDefault: "(sandbox)", meaning }) satisfies Declaration;

/** Our application at Amazon, the sandbox Amazon that stands in for it, and how hard we may call it. */
export const AMAZON_SETTINGS = {
  SP_API_APPLICATION_ID: credential(
    "Your SP-API application id (`amzn1.sellerapps.app.…`). Setting any Amazon credential switches off the sandbox.",
  ),
  SP_API_CLIENT_ID: credential(SP_API_CLIENT),
  SP_API_CLIENT_SECRET: credential(SP_API_CLIENT),
  SP_API_DRAFT_APP: {
    ...trueOrFalse(true),
    readBy: ["web"],
    meaning: "`true` while the SP-API application is in Draft: the consent URL then carries `version=beta`. Set `false` once published.",
  },
  ADS_CLIENT_ID: credential(ADS_CLIENT),
  ADS_CLIENT_SECRET: credential(ADS_CLIENT),
  SANDBOX_PORT: {
    ...port(8300),
    readBy: ["launcher", "sandbox"],
    meaning: "Port of the sandbox Amazon (only when no Amazon credentials are set).",
  },
  AMAZON_SANDBOX_URL: {
    ...httpUrl(),
    readBy: ["web"],
    shownDefault: "(set by `npm start`)",
    meaning: "Origin of the sandbox Amazon; when set, every Amazon host (Seller Central, LWA, SP-API, Ads API) is this origin.",
  },
  ECB_URL: {
    ...httpUrl(),
    readBy: ["web"],
    shownDefault: "https://www.ecb.europa.eu (the sandbox's copy while the sandbox Amazon stands in)",
    meaning: "Origin of the European Central Bank's reference-rate feeds (`/stats/eurofxref/…`), fetched once a day for base-currency totals.",
  },
  // The sandbox reads these itself (sandbox/settings.ts); they are here so that `npm start` refuses a
  // bad one before starting it, and so the README lists them. A test keeps both declarations alike.
  SANDBOX_VOLUME: { ...oneOf(["tiny", "small", "big"], "small"), readBy: ["sandbox"], meaning: SANDBOX_WORLD },
  SANDBOX_SEED: { ...text("shelfwise"), readBy: ["sandbox"], meaning: SANDBOX_WORLD },
  SANDBOX_TIME_SCALE: { ...positiveNumber(1), readBy: ["sandbox"], meaning: SANDBOX_WORLD },
  SANDBOX_REPORT_DELAY: { ...nonNegativeNumber(60), readBy: ["sandbox"], meaning: SANDBOX_WORLD },
  SANDBOX_REPORT_TAIL: {
    ...oneOf(["0", "1"], "1"),
    readBy: ["sandbox"],
    meaning: "`1`: the sandbox's reports take a long-tailed time around the report delay, as Amazon's do (a few take 15–60 times it); `0`: exactly the delay.",
  },
  SANDBOX_REPORT_FAILURE_RATE: {
    ...shareOfOne(0.005),
    readBy: ["sandbox"],
    meaning: "Share of the sandbox's reports that fail on their own (SP-API FATAL, Ads FAILED), as a few of Amazon's do.",
  },
  SANDBOX_QUOTA_SCALE: {
    ...positiveNumber(1),
    readBy: ["sandbox"],
    meaning: "How many times faster than Amazon's published rates the sandbox's SP-API quotas refill (1: Amazon's own).",
  },
  SYNC_REPORT_POLL_SECONDS: {
    ...positiveNumber(30),
    readBy: ["web"],
    meaning: "First wait before polling Amazon for a requested report (grows ×1.5 up to 5 minutes).",
  },
  SYNC_FATAL_COOLDOWN_SECONDS: {
    ...nonNegativeNumber(),
    readBy: ["web"],
    shownDefault: "(per report type)",
    meaning:
      "Wait before requesting an SP-API report again after Amazon answered FATAL, for every report type (Amazon's own limits are 30 minutes or 4 hours). For tests and demos against the sandbox.",
  },
  AMAZON_QUOTA_SCALE: {
    ...positiveNumber(1),
    readBy: ["web"],
    meaning: "Multiplies Amazon's published request rates, for an accelerated sandbox.",
  },
} satisfies Record<string, Declaration>;

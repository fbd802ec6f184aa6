import { setting } from "~/server/settings";

/**
 * Where each Amazon service lives, per region. With AMAZON_SANDBOX_URL set (the default when no real
 * Amazon credentials are configured) every host is the sandbox Amazon, which serves all of Amazon's paths
 * on one origin.
 */
export const REGIONS = ["na", "eu", "fe"] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, string> = {
  na: "North America (US, CA, MX, BR)",
  eu: "Europe, Middle East, India (UK, DE, FR, IT, ES, NL, SE, PL, TR, AE, SA, EG, IN, ZA, BE, IE)",
  fe: "Far East (JP, AU, SG)",
};

interface RegionHosts {
  /** Seller Central, where a seller consents to our SP-API application. */
  sellerCentral: string;
  /** Login with Amazon's consent page for the Ads API. */
  adsConsent: string;
  /** LWA token endpoint. */
  lwaToken: string;
  spApi: string;
  adsApi: string;
}

const AMAZON: Record<Region, RegionHosts> = {
  na: {
    sellerCentral: "https://sellercentral.amazon.com",
    adsConsent: "https://www.amazon.com",
    lwaToken: "https://api.amazon.com",
    spApi: "https://sellingpartnerapi-na.amazon.com",
    adsApi: "https://advertising-api.amazon.com",
  },
  eu: {
    sellerCentral: "https://sellercentral-europe.amazon.com",
    adsConsent: "https://eu.account.amazon.com",
    lwaToken: "https://api.amazon.co.uk",
    spApi: "https://sellingpartnerapi-eu.amazon.com",
    adsApi: "https://advertising-api-eu.amazon.com",
  },
  fe: {
    sellerCentral: "https://sellercentral.amazon.co.jp",
    adsConsent: "https://apac.account.amazon.com",
    lwaToken: "https://api.amazon.co.jp",
    spApi: "https://sellingpartnerapi-fe.amazon.com",
    adsApi: "https://advertising-api-fe.amazon.com",
  },
};

export function amazonHosts(region: Region): RegionHosts {
  const sandbox = setting("AMAZON_SANDBOX_URL")?.replace(/\/$/, "");
  if (sandbox) return { sellerCentral: sandbox, adsConsent: sandbox, lwaToken: sandbox, spApi: sandbox, adsApi: sandbox };
  return AMAZON[region];
}

export function isRegion(value: unknown): value is Region {
  return typeof value === "string" && (REGIONS as readonly string[]).includes(value);
}

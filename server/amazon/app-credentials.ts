import { AMAZON_CREDENTIALS, appUrl, setting } from "~/server/settings";

/**
 * Our application's identity at Amazon. Real values come from the environment; `npm start` fills them with
 * the sandbox Amazon's documented credentials when none are set.
 */
export interface AppCredentials {
  spApiApplicationId: string;
  spApiClientId: string;
  spApiClientSecret: string;
  adsClientId: string;
  adsClientSecret: string;
  /** Draft (unpublished) SP-API apps must send version=beta on the consent URL. */
  spApiDraft: boolean;
}

export class AmazonNotConfiguredError extends Error {
  override name = "AmazonNotConfiguredError";
}

export function appCredentials(): AppCredentials {
  const required = {
    spApiApplicationId: setting("SP_API_APPLICATION_ID"),
    spApiClientId: setting("SP_API_CLIENT_ID"),
    spApiClientSecret: setting("SP_API_CLIENT_SECRET"),
    adsClientId: setting("ADS_CLIENT_ID"),
    adsClientSecret: setting("ADS_CLIENT_SECRET"),
  };
  const missing = Object.entries(required).filter(([, v]) => !v);
  if (missing.length)
    throw new AmazonNotConfiguredError(
      `Amazon is not configured: set ${AMAZON_CREDENTIALS.join(", ")}, or start with \`npm start\` to use the sandbox Amazon.`,
    );
  return { ...(required as Record<keyof typeof required, string>), spApiDraft: setting("SP_API_DRAFT_APP") };
}

export function callbackUrls() {
  const origin = appUrl().replace(/\/$/, "");
  return { store: `${origin}/api/amazon/store/callback`, ads: `${origin}/api/amazon/ads/callback` };
}

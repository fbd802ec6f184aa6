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

export function appCredentials(env: NodeJS.ProcessEnv = process.env): AppCredentials {
  const required = {
    spApiApplicationId: env.SP_API_APPLICATION_ID,
    spApiClientId: env.SP_API_CLIENT_ID,
    spApiClientSecret: env.SP_API_CLIENT_SECRET,
    adsClientId: env.ADS_CLIENT_ID,
    adsClientSecret: env.ADS_CLIENT_SECRET,
  };
  const missing = Object.entries(required).filter(([, v]) => !v);
  if (missing.length)
    throw new AmazonNotConfiguredError(
      "Amazon is not configured: set SP_API_APPLICATION_ID, SP_API_CLIENT_ID, SP_API_CLIENT_SECRET, ADS_CLIENT_ID and ADS_CLIENT_SECRET, or start with `npm start` to use the sandbox Amazon.",
    );
  return { ...(required as Record<keyof typeof required, string>), spApiDraft: env.SP_API_DRAFT_APP !== "false" };
}

export function callbackUrls(env: NodeJS.ProcessEnv = process.env) {
  const origin = (env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return { store: `${origin}/api/amazon/store/callback`, ads: `${origin}/api/amazon/ads/callback` };
}

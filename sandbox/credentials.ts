// Fixed, documented app credentials: the product's .env for the sandbox can be
// written once and never changes between runs or seeds.

export interface SandboxCredentials {
  spApiApplicationId: string;
  spApiClientId: string;
  spApiClientSecret: string;
  adsClientId: string;
  adsClientSecret: string;
}

export const SANDBOX_CREDENTIALS: SandboxCredentials = Object.freeze({
  spApiApplicationId: "amzn1.sellerapps.app.sandbox-0000-4000-8000-shelfwise00001",
  spApiClientId: "amzn1.application-oa2-client.sandboxspapi0000000000000000001",
  spApiClientSecret: "amzn1.oa2-cs.v1.sandbox-spapi-secret-0000000000000000000000000001",
  adsClientId: "amzn1.application-oa2-client.sandboxads00000000000000000000001",
  adsClientSecret: "amzn1.oa2-cs.v1.sandbox-ads-secret-00000000000000000000000000001",
});

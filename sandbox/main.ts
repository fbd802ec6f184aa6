import { startSandbox, type SandboxOptions } from "./index";
import { sandboxSetting } from "./settings";

// `npm run sandbox`: the local Amazon on SANDBOX_PORT (default 8300). Every setting is read before
// anything starts, so a bad one stops it with a message naming the variable.
function options(): SandboxOptions {
  try {
    return {
      port: sandboxSetting("SANDBOX_PORT"),
      host: sandboxSetting("SANDBOX_HOST"),
      seed: sandboxSetting("SANDBOX_SEED"),
      volume: sandboxSetting("SANDBOX_VOLUME"),
      timeScale: sandboxSetting("SANDBOX_TIME_SCALE"),
      reportDelaySeconds: sandboxSetting("SANDBOX_REPORT_DELAY"),
      reportTail: sandboxSetting("SANDBOX_REPORT_TAIL") === "1",
      reportFailureRate: sandboxSetting("SANDBOX_REPORT_FAILURE_RATE"),
      quotaScale: sandboxSetting("SANDBOX_QUOTA_SCALE"),
      log: sandboxSetting("SANDBOX_LOG"),
    };
  } catch (error) {
    console.error(`[sandbox] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
const sb = await startSandbox(options());

const c = sb.credentials;
console.info(`Sandbox Amazon listening on ${sb.origin}`);
console.info(`  LWA token:            ${sb.origin}/auth/o2/token`);
console.info(`  Seller Central consent: ${sb.origin}/apps/authorize/consent?application_id=${c.spApiApplicationId}&state=STATE&version=beta&redirect_uri=http://localhost:3000/callback`);
console.info(`  Ads consent:          ${sb.origin}/ap/oa?client_id=${c.adsClientId}&scope=advertising::campaign_management&response_type=code&redirect_uri=http://localhost:3000/callback`);
console.info(`  Control API:          ${sb.origin}/__sandbox/state`);
console.info("Credentials:");
console.info(`  SP_API_APPLICATION_ID=${c.spApiApplicationId}`);
console.info(`  SP_API_CLIENT_ID=${c.spApiClientId}`);
console.info(`  SP_API_CLIENT_SECRET=${c.spApiClientSecret}`);
console.info(`  ADS_CLIENT_ID=${c.adsClientId}`);
console.info(`  ADS_CLIENT_SECRET=${c.adsClientSecret}`);
for (const s of sb.sandbox.world.sellers) console.info(`Seller ${s.sellerId}  ${s.name}  [${s.marketplaceIds.join(", ")}]`);

const stop = () => { void sb.close().then(() => process.exit(0)); };
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

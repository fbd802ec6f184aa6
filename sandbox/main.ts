import { DEFAULT_SANDBOX_PORT, startSandbox } from "./index";
import type { Volume } from "./world/config";

// `npm run sandbox`: the local Amazon on SANDBOX_PORT (default 8300).
const port = process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : DEFAULT_SANDBOX_PORT;
const volume = (process.env.SANDBOX_VOLUME ?? "small") as Volume;
const sb = await startSandbox({
  port,
  host: process.env.SANDBOX_HOST ?? "127.0.0.1",
  seed: process.env.SANDBOX_SEED ?? "shelfwise",
  volume,
  timeScale: process.env.SANDBOX_TIME_SCALE ? Number(process.env.SANDBOX_TIME_SCALE) : 1,
  reportDelaySeconds: process.env.SANDBOX_REPORT_DELAY ? Number(process.env.SANDBOX_REPORT_DELAY) : 60,
  log: process.env.SANDBOX_LOG === "1",
});

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

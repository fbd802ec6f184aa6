import type { AddressInfo } from "node:net";
import type { SandboxCredentials } from "./credentials";
import { createSandboxServer } from "./http/server";
import { allRoutes } from "./routes";
import { sandboxSetting } from "./settings";
import type { SandboxOptions } from "./state";
import { Sandbox } from "./state";

export type { SandboxCredentials } from "./credentials";
export { SANDBOX_CREDENTIALS } from "./credentials";
export type { SandboxOptions } from "./state";
export { Sandbox } from "./state";

/** SANDBOX_PORT's default (sandbox/settings.ts). */
export const DEFAULT_SANDBOX_PORT = sandboxSetting("SANDBOX_PORT", {});

export interface RunningSandbox {
  origin: string;
  port: number;
  credentials: SandboxCredentials;
  /** Direct access to the in-process state (world, clock, knobs) for tests. */
  sandbox: Sandbox;
  /** Issue a ready refresh token (kind "sp" or "ads") for a sandbox seller (default: the first). */
  issueRefreshToken(kind?: "sp" | "ads", sellerId?: string): string;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sb = new Sandbox(options);
  const { server, destroyAll } = createSandboxServer(sb, allRoutes());
  const port = options.port ?? sandboxSetting("SANDBOX_PORT");
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const origin = `http://${host}:${String(addr.port)}`;
  sb.origin = origin;
  return {
    origin,
    port: addr.port,
    credentials: sb.credentials,
    sandbox: sb,
    issueRefreshToken(kind = "sp", sellerId) {
      const seller = sellerId ? sb.world.seller(sellerId) : sb.world.sellers[0];
      if (!seller) throw new Error(`unknown seller ${String(sellerId)}`);
      return sb.lwa.issueRefresh(kind === "ads" ? sb.credentials.adsClientId : sb.credentials.spApiClientId, kind, seller.sellerId);
    },
    close: () => new Promise<void>((resolve) => {
      destroyAll();
      server.close(() => resolve());
    }),
  };
}

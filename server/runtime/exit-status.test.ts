import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "exit-status-"));
fs.chmodSync(dataDir, 0o755);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs a TypeScript entry point as `npm start` would and resolves with its exit status and output. */
function run(entry: string, env: Record<string, string>, args: string[] = []): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Not the test run's database server: each entry point finds its own from what it is given.
    const { TEST_DATABASE_SERVER_URL: _testServer, ...inherited } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      env: { ...inherited, DATA_DIR: dataDir, PORT: "3199", SANDBOX_PORT: "8399", EXECUTOR_PORT: "8389", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not exit within 90 s:\n${output}`));
    }, 90_000);
    child.once("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

const UNREACHABLE_DATABASE = "postgres://postgres@127.0.0.1:9/none";

describe("entry points whose exit status matters", () => {
  it("npm start: a launcher that cannot start exits non-zero and says why", { timeout: 100_000 }, async () => {
    const { status, output } = await run("server/runtime/start.ts", { DATABASE_URL: UNREACHABLE_DATABASE });
    expect(output).toMatch(/\[start\] Failed to start/);
    expect(status).toBe(1);
  });

  it("npm start: the embedded PostgreSQL failing to start fails the launcher", { timeout: 100_000 }, async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const { status, output } = await run("server/runtime/start.ts", {
        DATABASE_URL: "",
        EMBEDDED_POSTGRES_PORT: String(port),
        EMBEDDED_POSTGRES_DIR: path.join(dataDir, "postgres"),
      });
      expect(output).toMatch(new RegExp(`Port ${port} is already in use`));
      expect(status).toBe(1);
    } finally {
      blocker.close();
    }
  });

  it("e2e/serve.ts: a server that cannot start fails the browser tests' web server", { timeout: 100_000 }, async () => {
    const { status } = await run("e2e/serve.ts", { DATABASE_URL: UNREACHABLE_DATABASE });
    expect(status).not.toBe(0);
    expect(status).not.toBeNull();
  });

  it("npm run bench: a failing benchmark fails the run, and names it", { timeout: 100_000 }, async () => {
    const { status, output } = await run("bench/run.ts", { DATABASE_URL: UNREACHABLE_DATABASE }, ["sync/load"]);
    expect(output).toMatch(/\[bench\] failed: sync\/load \(exit 1\)/);
    expect(status).toBe(1);
  });

  it("npm run bench: an unknown benchmark is refused", { timeout: 100_000 }, async () => {
    const { status, output } = await run("bench/run.ts", {}, ["no/such"]);
    expect(output).toMatch(/Unknown benchmark/);
    expect(status).toBe(2);
  });
});
